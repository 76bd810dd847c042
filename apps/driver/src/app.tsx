import { useSession } from '@kigaligo/client';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { UpdatePrompt } from './update-prompt';

export function App() {
  const session = useSession();
  return (
    <>
      {session ? <HomePage user={session.user} /> : <SignInPage />}
      <UpdatePrompt />
    </>
  );
}
