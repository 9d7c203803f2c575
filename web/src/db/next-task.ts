/**
 * Lets the page breathe between two slices of long work (the catalog parsed and written on a
 * phone's first visit); unlike setTimeout, not slowed down in a hidden tab.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
