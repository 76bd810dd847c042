import { useSession } from '@kigaligo/client';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { AdminShell } from './admin-shell';
import { SignInPage } from './pages/sign-in-page';

export function App() {
  const session = useSession();
  return (
    <>
      {session ? <AdminShell user={session.user} /> : <SignInPage />}
      <UpdatePrompt />
    </>
  );
}
