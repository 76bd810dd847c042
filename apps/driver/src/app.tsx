import { useSession } from '@kigaligo/client';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';

export function App() {
  const session = useSession();
  return (
    <>
      {session ? <HomePage user={session.user} /> : <SignInPage />}
      <UpdatePrompt />
    </>
  );
}
