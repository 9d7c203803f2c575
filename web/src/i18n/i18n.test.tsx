import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDb } from '../test-utils/fixtures.ts';
import { App } from '../ui/App.tsx';
import en from '../../../shared/locales/en/app.json';
import viForms from '../../../shared/locales/vi/forms.json';
import { chosenLanguage, i18next, initI18n, LANGUAGES } from './index.ts';
import vi from '../../../shared/locales/vi/app.json';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

beforeEach(async () => {
  await resetDb();
  history.replaceState(null, '', '/');
  await initI18n('vi');
});

describe('languages', () => {
  it('start in Vietnamese, with English loaded only when asked for', async () => {
    expect(i18next.language).toBe('vi');
    expect(Object.keys(LANGUAGES)).toEqual(['vi', 'en']);
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    expect(i18next.t('errors.required')).toBe(viForms.errors.required);
    expect(i18next.t('status.processing')).toBe('Đang giải quyết');
  });

  it('switch to English from the header, and the choice is remembered', async () => {
    render(<App />);
    expect(screen.getByTestId('new-dossier').textContent).toContain('Nộp hồ sơ mới');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Hồ sơ của tôi');

    fireEvent.click(screen.getByTestId('lang-en'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My dossiers'));
    expect(screen.getByTestId('new-dossier').textContent).toContain('New dossier');
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(chosenLanguage()).toBe('en'));

    fireEvent.click(screen.getByTestId('lang-vi'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Hồ sơ của tôi'));
    expect(chosenLanguage()).toBe('vi');
  });
});
