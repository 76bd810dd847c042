import { useSession } from '@kigaligo/client';
import { useState } from 'react';
import { HomePage } from './pages/home-page';
import { RegisterPage } from './pages/register-page';
import { SignInPage } from './pages/sign-in-page';
import { UpdatePrompt } from './update-prompt';

export function App() {
  const session = useSession();
  const [screen, setScreen] = useState<'sign-in' | 'register'>('sign-in');
  return (
    <>
      {session ? (
        <HomePage user={session.user} />
      ) : screen === 'sign-in' ? (
        <SignInPage onRegister={() => setScreen('register')} />
      ) : (
        <RegisterPage onSignIn={() => setScreen('sign-in')} />
      )}
      <UpdatePrompt />
    </>
  );
}
