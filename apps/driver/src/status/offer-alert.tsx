import { secondsLeft } from '@kigaligo/domain';
import { useEffect, useState } from 'react';
import { useDriverI18n } from '../messages';

/** Two short beeps through Web Audio (no sound file to cache); silent where the browser blocks audio. */
function beep() {
  try {
    const audio = new AudioContext();
    for (const start of [0, 0.35]) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.25, audio.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + 0.3);
    }
    setTimeout(() => void audio.close(), 1000);
  } catch {
    // No audio output or no Web Audio: the vibration and the screen still say it.
  }
}

/**
 * The seconds left on a waiting offer, ticking. When the offer arrives the phone vibrates and beeps once: a
 * driver riding with the phone in a holder may not be looking at it.
 */
export function OfferAlert({ tripId, expiresAt }: { tripId: string; expiresAt: string }) {
  const { t } = useDriverI18n();
  const [now, setNow] = useState(() => new Date());
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per offer, not per render
  useEffect(() => {
    navigator.vibrate?.([300, 150, 300]);
    beep();
  }, [tripId]);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = secondsLeft(expiresAt, now);
  return (
    <p className="kg-ride-countdown" role="timer" aria-live="off" data-testid="offer-countdown">
      {left > 0 ? t('rides.offerLeft', { seconds: left }) : t('rides.offerOver')}
    </p>
  );
}
