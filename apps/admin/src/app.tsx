import { useSession } from '@kigaligo/client';
import { AdminShell } from './admin-shell';
import { SignInPage } from './pages/sign-in-page';
import { UpdatePrompt } from './update-prompt';

export function App() {
  const session = useSession();
  return (
    <>
      {session ? <AdminShell user={session.user} /> : <SignInPage />}
      <UpdatePrompt />
    </>
  );
}
