import type { MfaAnswer } from '@kigaligo/client';
import type { Lang } from '../../i18n/i18n-context';

// The MFA screens' own strings, kept next to them so every app that shows them gets both languages.
const en = {
  title: 'Two-step sign-in',
  intro:
    'Ask for a code from an authenticator app on your phone after your password, so a stolen password is not enough.',
  on: 'On: your authenticator app is set up.',
  off: 'Off: your password alone signs you in.',
  required: 'Admin accounts must keep two-step sign-in on.',
  codesLeft: 'Recovery codes left',
  offline: 'Connect to the internet to change two-step sign-in.',
  setUp: 'Set up an authenticator app',
  scan: 'Scan this QR code with an authenticator app (for example Google Authenticator, Microsoft Authenticator or Aegis).',
  qrLabel: 'QR code to add KigaliGo to your authenticator app',
  manual: 'Cannot scan? Type this key into the app instead:',
  code: 'Six-digit code',
  codeHint: 'The code your app shows now for KigaliGo.',
  confirm: 'Turn on',
  cancel: 'Cancel',
  wrongCode: 'That code is not right. Type the code your app shows now.',
  codeFormat: 'Type the six digits your app shows.',
  recoveryFormat: 'A recovery code has ten letters and digits, like abcde-fghij.',
  savedTitle: 'Save your recovery codes',
  savedIntro:
    'If you lose your phone, each of these codes signs you in once instead of a code from the app. They are shown only now: copy or download them and keep them somewhere safe.',
  copy: 'Copy codes',
  copied: 'Copied.',
  download: 'Download as text',
  savedCheck: 'I have saved my recovery codes',
  done: 'Done',
  regenerate: 'New recovery codes',
  regenerateIntro: 'The old codes stop working.',
  disable: 'Turn off two-step sign-in',
  password: 'Your password',
  wrongPassword: 'This is not your password.',
  fileHeading: 'KigaliGo recovery codes. Each code works once.',
  enrolTitle: 'Set up two-step sign-in',
  enrolIntro:
    'Admin accounts need a second step at sign-in. Set up an authenticator app or a passkey to continue.',
  signOut: 'Sign out',
  challengeTitle: 'Enter your sign-in code',
  challengeIntro: 'Open your authenticator app and type the code it shows for KigaliGo.',
  challengeRecovery: 'No phone? Type one of your recovery codes. Each works once.',
  recoveryCode: 'Recovery code',
  useRecovery: 'Use a recovery code instead',
  useCode: 'Use the code from the app instead',
  verify: 'Sign in',
  back: 'Back to password',
  expired: 'This sign-in took too long. Enter your password again.',
  onPasskeys: 'On: you confirm sign-in with a passkey.',
  passkeysTitle: 'Passkeys',
  passkeysIntro:
    'A passkey uses your phone’s fingerprint, face or screen lock: it signs you in without a password, and works as the second step after one.',
  addPasskey: 'Add a passkey',
  passkeyAdded: 'Added',
  passkeyLastUsed: 'Last used',
  passkeyNeverUsed: 'Not used yet',
  passkeySynced: 'Synced to your other devices',
  removePasskey: 'Remove',
  removePasskeyIntro: 'Type your password to remove this passkey.',
  passkeyCancelled: 'No passkey was used. Try again when you are ready.',
  passkeyUnsupported: 'This browser cannot use passkeys.',
  passkeyRejected: 'This passkey could not be checked. Try again, or use another device.',
  passkeyExists: 'This passkey is already added.',
  passkeyUnknown: 'This passkey is not recognised here. Sign in with your email and password.',
  disableApp: 'Remove the authenticator app',
  usePasskey: 'Use a passkey',
  challengePasskey: 'Use the passkey on this device: it will ask for your fingerprint, face or screen lock.',
  signInPasskey: 'Sign in with a passkey',
  enrolPasskey: 'Use a passkey instead',
};
export type MfaKey = keyof typeof en;

const rw: Record<MfaKey, string> = {
  title: 'Kwinjira mu ntambwe ebyiri',
  intro:
    "Nyuma y'ijambo ry'ibanga, saba kode iva muri porogaramu ya authenticator iri kuri telefone yawe, kugira ngo ijambo ry'ibanga ryibwe ridahagije.",
  on: 'Birakora: porogaramu yawe ya authenticator yashyizweho.',
  off: "Ntibikora: ijambo ry'ibanga ryonyine rirakwinjiza.",
  required: "Konti z'abayobozi zigomba guhora zifite kwinjira mu ntambwe ebyiri.",
  codesLeft: 'Kode zo kugarura zisigaye',
  offline: 'Jya kuri interineti kugira ngo uhindure kwinjira mu ntambwe ebyiri.',
  setUp: 'Shyiraho porogaramu ya authenticator',
  scan: 'Sikana iyi QR code ukoresheje porogaramu ya authenticator (urugero Google Authenticator, Microsoft Authenticator cyangwa Aegis).',
  qrLabel: 'QR code yo kongera KigaliGo muri porogaramu yawe ya authenticator',
  manual: 'Ntushobora gusikana? Andika uru rufunguzo muri porogaramu:',
  code: "Kode y'imibare itandatu",
  codeHint: 'Kode porogaramu yawe yerekana ubu kuri KigaliGo.',
  confirm: 'Bikoreshe',
  cancel: 'Hagarika',
  wrongCode: 'Iyo kode si yo. Andika kode porogaramu yawe yerekana ubu.',
  codeFormat: 'Andika imibare itandatu porogaramu yawe yerekana.',
  recoveryFormat: "Kode yo kugarura igizwe n'inyuguti n'imibare icumi, nka abcde-fghij.",
  savedTitle: 'Bika kode zawe zo kugarura',
  savedIntro:
    'Nubura telefone yawe, buri kode muri izi ikwinjiza rimwe mu mwanya wa kode ya porogaramu. Zerekanwa ubu gusa: zikoporore cyangwa uzimanure uzibike ahantu hizewe.',
  copy: 'Koporora kode',
  copied: 'Byakoporowe.',
  download: 'Manura nk’inyandiko',
  savedCheck: 'Nabitse kode zanjye zo kugarura',
  done: 'Ndangije',
  regenerate: 'Kode nshya zo kugarura',
  regenerateIntro: 'Kode za kera ntizizongera gukora.',
  disable: 'Hagarika kwinjira mu ntambwe ebyiri',
  password: "Ijambo ry'ibanga ryawe",
  wrongPassword: "Iri si ryo jambo ry'ibanga ryawe.",
  fileHeading: 'Kode zo kugarura za KigaliGo. Buri kode ikora rimwe.',
  enrolTitle: 'Shyiraho kwinjira mu ntambwe ebyiri',
  enrolIntro:
    "Konti z'abayobozi zikeneye intambwe ya kabiri mu kwinjira. Shyiraho porogaramu ya authenticator cyangwa passkey kugira ngo ukomeze.",
  signOut: 'Sohoka',
  challengeTitle: 'Andika kode yo kwinjira',
  challengeIntro: 'Fungura porogaramu yawe ya authenticator wandike kode yerekana kuri KigaliGo.',
  challengeRecovery: 'Nta telefone ufite? Andika imwe muri kode zawe zo kugarura. Buri imwe ikora rimwe.',
  recoveryCode: 'Kode yo kugarura',
  useRecovery: 'Koresha kode yo kugarura',
  useCode: 'Koresha kode ya porogaramu',
  verify: 'Injira',
  back: "Subira ku ijambo ry'ibanga",
  expired: "Kwinjira byatinze cyane. Ongera wandike ijambo ry'ibanga.",
  onPasskeys: 'Birakora: wemeza kwinjira ukoresheje passkey.',
  passkeysTitle: 'Passkeys',
  passkeysIntro:
    "Passkey ikoresha igikumwe, isura cyangwa ifunga rya ecran ya telefone yawe: ikwinjiza nta jambo ry'ibanga, kandi ikora nk'intambwe ya kabiri nyuma yaryo.",
  addPasskey: 'Ongeraho passkey',
  passkeyAdded: 'Yongeweho',
  passkeyLastUsed: 'Iheruka gukoreshwa',
  passkeyNeverUsed: 'Ntirakoreshwa',
  passkeySynced: 'Ihujwe n’ibindi bikoresho byawe',
  removePasskey: 'Kuraho',
  removePasskeyIntro: "Andika ijambo ry'ibanga ryawe kugira ngo ukureho iyi passkey.",
  passkeyCancelled: 'Nta passkey yakoreshejwe. Ongera ugerageze igihe witeguye.',
  passkeyUnsupported: 'Iyi mushakisha ntishobora gukoresha passkeys.',
  passkeyRejected:
    'Iyi passkey ntiyashoboye kugenzurwa. Ongera ugerageze, cyangwa ukoreshe ikindi gikoresho.',
  passkeyExists: 'Iyi passkey yari isanzwe yongeweho.',
  passkeyUnknown: "Iyi passkey ntizwi hano. Injira ukoresheje imeri n'ijambo ry'ibanga.",
  disableApp: 'Kuraho porogaramu ya authenticator',
  usePasskey: 'Koresha passkey',
  challengePasskey:
    'Koresha passkey iri kuri iki gikoresho: irakubaza igikumwe, isura cyangwa ifunga rya ecran.',
  signInPasskey: 'Injira ukoresheje passkey',
  enrolPasskey: 'Koresha passkey mu mwanya wayo',
};

export const mfaMessages: Record<Lang, Record<MfaKey, string>> = { en, rw };

/**
 * What the person typed at the challenge: six digits are an authenticator code, ten letters and digits (with or
 * without the dash, any case) a recovery code; anything else is refused before it reaches the server.
 */
export function mfaAnswerFrom(typed: string): MfaAnswer | null {
  const compact = typed.replace(/[\s-]/g, '');
  if (/^\d{6}$/.test(compact)) return { code: compact };
  if (/^[a-z2-7]{10}$/i.test(compact)) return { recoveryCode: compact.toLowerCase() };
  return null;
}

/** The recovery codes as a text file the person can keep: a heading in their language, one code a line. */
export function recoveryCodesText(codes: readonly string[], lang: Lang, account: string): string {
  return `${mfaMessages[lang].fileHeading}\n${account}\n\n${codes.join('\n')}\n`;
}
