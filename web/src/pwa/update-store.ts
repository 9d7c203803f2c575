// "A new version is waiting": set by the service worker registration, read by the banner.
// Kept apart from the registration so screens and tests never load the virtual PWA module.
type Listener = () => void;

let apply: (() => void) | null = null;
const listeners = new Set<Listener>();

export const updateStore = {
  get: () => apply,
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** `applyUpdate` activates the waiting worker and reloads; only the person's click calls it. */
  offer(applyUpdate: () => void) {
    apply = applyUpdate;
    listeners.forEach((l) => l());
  },
};
