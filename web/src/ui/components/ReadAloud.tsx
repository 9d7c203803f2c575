// Reading aloud, for people who read with difficulty: a "Nghe đọc" button beside a procedure, a
// field's hint, an error and the commune's receipt speaks the Vietnamese text with the phone's
// own Vietnamese voice (Web Speech API: nothing to download, works offline where the voice is
// installed). Where there is no Vietnamese voice, or the screen is not in Vietnamese, there is
// no button: a button that says nothing would be worse than none.
import { useEffect, useState, type RefObject } from 'react';
import { useLang } from '../hooks/useLang.ts';

const synth = (): SpeechSynthesis | undefined => (typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined);
const vietnamese = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-').startsWith('vi');

/** The phone's Vietnamese voice; null while none is known (voices often arrive after a moment). */
export function useVietnameseVoice(): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(() => synth()?.getVoices().find(vietnamese) ?? null);
  useEffect(() => {
    const s = synth();
    if (!s) return;
    const pick = () => setVoice(s.getVoices().find(vietnamese) ?? null);
    pick();
    s.addEventListener?.('voiceschanged', pick);
    return () => s.removeEventListener?.('voiceschanged', pick);
  }, []);
  return voice;
}

/** Reads `text`, or what the element `from` shows, in Vietnamese. */
export function ReadAloud({ text, from, testId }: { text?: string; from?: RefObject<HTMLElement | null>; testId?: string }) {
  const { t, lang } = useLang();
  const voice = useVietnameseVoice();
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => void (speaking && synth()?.cancel()), [speaking]);
  if (lang !== 'vi' || !voice) return null;

  const toggle = () => {
    const s = synth()!;
    s.cancel();
    if (speaking) return setSpeaking(false);
    const el = from?.current;
    const words = (text ?? (el ? (el.innerText ?? el.textContent) : '') ?? '').replace(/\s+/g, ' ').trim();
    if (!words) return;
    const u = new SpeechSynthesisUtterance(words);
    u.lang = 'vi-VN';
    u.voice = voice;
    u.rate = 0.9; // a little slower than the default: this is for people who find reading hard
    u.onend = u.onerror = () => setSpeaking(false);
    setSpeaking(true);
    s.speak(u);
  };
  return (
    <button type="button" className="btn btn-secondary btn-small btn-speak" data-testid={testId ?? 'read-aloud'} aria-pressed={speaking} onClick={toggle}>
      <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 9v6h4l5 4V5L8 9zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11" />
      </svg>
      {speaking ? t('speak.stop') : t('speak.listen')}
    </button>
  );
}
