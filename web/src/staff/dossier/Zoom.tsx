// A document picture, large: wheel or pinch to zoom (around the pointer), drag to move,
// buttons for the same on a tablet without a mouse, Escape or the button to close.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useStaffT } from '../i18n/index.ts';

const MIN = 1;
const MAX = 8;
const clamp = (s: number) => Math.min(MAX, Math.max(MIN, s));

interface View {
  scale: number;
  x: number;
  y: number;
}
const FIT: View = { scale: 1, x: 0, y: 0 };

export function Zoom({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const { t } = useStaffT();
  const [view, setView] = useState<View>(FIT);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  /** Scales by `factor` keeping the point (cx, cy), relative to the stage centre, in place. */
  const zoomAt = (factor: number, cx = 0, cy = 0) =>
    setView((v) => {
      const scale = clamp(v.scale * factor);
      const k = scale / v.scale;
      return scale === 1 ? FIT : { scale, x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k };
    });

  const centreOf = (el: HTMLElement, x: number, y: number) => {
    const r = el.getBoundingClientRect();
    return [x - r.left - r.width / 2, y - r.top - r.height / 2] as const;
  };

  // A native listener: React's wheel handlers are passive, and the page behind must not scroll.
  const stage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const onWheel = (e: globalThis.WheelEvent) => {
      e.preventDefault();
      const [cx, cy] = centreOf(el, e.clientX, e.clientY);
      zoomAt(e.deltaY < 0 ? 1.2 : 1 / 1.2, cx, cy);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const ps = pointers.current;
    const prev = ps.get(e.pointerId);
    if (!prev) return;
    const next = { x: e.clientX, y: e.clientY };
    if (ps.size === 1) {
      setView((v) => (v.scale === 1 ? v : { ...v, x: v.x + next.x - prev.x, y: v.y + next.y - prev.y }));
    } else if (ps.size === 2) {
      const other = [...ps.entries()].find(([id]) => id !== e.pointerId)![1];
      const before = Math.hypot(prev.x - other.x, prev.y - other.y);
      const after = Math.hypot(next.x - other.x, next.y - other.y);
      const [cx, cy] = centreOf(e.currentTarget, (next.x + other.x) / 2, (next.y + other.y) / 2);
      if (before > 0) zoomAt(after / before, cx, cy);
    }
    ps.set(e.pointerId, next);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => pointers.current.delete(e.pointerId);

  return (
    <div className="zoom staff-chrome" role="dialog" aria-modal="true" aria-label={t('zoom.title')} data-testid="zoom-dialog">
      <div className="zoom-tools">
        <span className="zoom-hint small">{t('zoom.hint')}</span>
        <button type="button" className="btn btn-secondary" aria-label={t('zoom.zoomOut')} onClick={() => zoomAt(1 / 1.5)}>
          −
        </button>
        <button type="button" className="btn btn-secondary" aria-label={t('zoom.zoomIn')} data-testid="zoom-in" onClick={() => zoomAt(1.5)}>
          +
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setView(FIT)}>
          {t('zoom.reset')}
        </button>
        <button type="button" ref={closeRef} className="btn btn-primary" data-testid="zoom-close" onClick={onClose}>
          {t('zoom.close')}
        </button>
      </div>
      <div
        className="zoom-stage"
        ref={stage}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <img
          src={src}
          alt={alt}
          draggable={false}
          data-testid="zoom-image"
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
        />
      </div>
    </div>
  );
}
