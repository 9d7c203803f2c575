// Reading aloud with a recording stand-in for the browser's speech synthesis: what is spoken,
// in which language and voice, and that there is no button without a Vietnamese voice or in
// the English screen.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n, switchLanguage } from '../../i18n/index.ts';
import { receivedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { CommuneReceipt } from '../dossier/CommuneReceipt.tsx';
import { FieldRow } from '../form/FieldRow.tsx';
import { ProcedureDetail } from '../screens/ProcedureDetail.tsx';

interface Spoken {
  text: string;
  lang: string;
  voice: { lang: string } | null;
}

function stubSpeech(voices: { lang: string; name: string }[]) {
  const spoken: Spoken[] = [];
  const listeners = new Set<() => void>();
  const synth = {
    voices,
    getVoices: () => synth.voices,
    speak: vi.fn((u: Spoken) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice })),
    cancel: vi.fn(),
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  };
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      lang = '';
      voice = null;
      rate = 1;
      constructor(readonly text: string) {}
    },
  );
  return { spoken, synth, voicesArrive: (v: { lang: string; name: string }[]) => act(() => ((synth.voices = v), listeners.forEach((fn) => fn()))) };
}

const VI = { lang: 'vi-VN', name: 'Tiếng Việt' };

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
  await switchLanguage('vi');
});
afterEach(() => vi.unstubAllGlobals());

describe('read aloud', () => {
  it("reads a procedure's name, facts and documents in Vietnamese with the Vietnamese voice", async () => {
    const { spoken } = stubSpeech([{ lang: 'en-US', name: 'English' }, VI]);
    render(<ProcedureDetail code="2.000884" />);
    fireEvent.click(await screen.findByTestId('read-procedure'));
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.lang).toBe('vi-VN');
    expect(spoken[0]!.voice).toEqual(VI);
    expect(spoken[0]!.text).toContain('Chứng thực chữ ký');
    expect(spoken[0]!.text).toContain('Thời gian giải quyết');
    // Not the buttons' own words.
    expect(spoken[0]!.text).not.toContain('Nghe đọc');
    expect(screen.getByTestId('read-procedure').textContent).toBe('Dừng đọc');
  });

  it("reads a field's hint and its error, each on its own", () => {
    const { spoken } = stubSpeech([VI]);
    render(
      <FieldRow path="applicant.phone" label="Số điện thoại" required hint="Số điện thoại gồm 10 chữ số." error="Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.">
        {(p) => <input {...p} />}
      </FieldRow>,
    );
    fireEvent.click(screen.getByTestId('read-hint-applicant.phone'));
    fireEvent.click(screen.getByTestId('read-error-applicant.phone'));
    expect(spoken.map((s) => s.text)).toEqual(['Số điện thoại gồm 10 chữ số.', 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.']);
  });

  it("reads the commune's receipt: the codes and the due date", async () => {
    const { spoken } = stubSpeech([VI]);
    const { receipt } = await receivedDossier();
    render(<CommuneReceipt receipt={receipt} procedure={null} />);
    fireEvent.click(screen.getByTestId('read-receipt'));
    expect(spoken[0]!.text).toContain(receipt.code);
    expect(spoken[0]!.text).toContain(receipt.lookupCode);
  });

  it('has no button without a Vietnamese voice, shows it when one arrives, and none in English', async () => {
    const speech = stubSpeech([{ lang: 'en-US', name: 'English' }]);
    render(<ProcedureDetail code="2.000884" />);
    await screen.findByTestId('start-dossier');
    expect(screen.queryByTestId('read-procedure')).toBeNull();
    speech.voicesArrive([VI]);
    // Found, not got: the screen's effects (the voice listener among them) may run just after
    // the procedure shows, and then the voice is picked up as the listener starts.
    expect(await screen.findByTestId('read-procedure')).toBeTruthy();
    await act(() => switchLanguage('en'));
    expect(screen.queryByTestId('read-procedure')).toBeNull();
  });

  it('has no button where the browser has no speech at all', async () => {
    render(<ProcedureDetail code="2.000884" />);
    await screen.findByTestId('start-dossier');
    expect(screen.queryByTestId('read-procedure')).toBeNull();
  });
});
