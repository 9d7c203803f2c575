import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './router.tsx';

describe('routes', () => {
  it('round-trip every path, so deep links open the right screen', () => {
    expect(matchRoute(paths.home())).toEqual({ name: 'home' });
    expect(matchRoute(paths.catalog())).toEqual({ name: 'catalog' });
    expect(matchRoute(paths.procedure('1.001193'))).toEqual({ name: 'procedure', code: '1.001193' });
    expect(matchRoute(paths.privacy('1.001193'))).toEqual({ name: 'privacy', code: '1.001193' });
    expect(matchRoute(paths.privacy())).toEqual({ name: 'privacy' });
    expect(matchRoute(paths.edit('abc'))).toEqual({ name: 'edit', id: 'abc' });
    expect(matchRoute(paths.dossier('abc'))).toEqual({ name: 'dossier', id: 'abc' });
    expect(matchRoute('/dossiers/abc/')).toEqual({ name: 'dossier', id: 'abc' });
    expect(matchRoute('/nowhere/at/all')).toEqual({ name: 'notFound' });
  });
});
