// Notifications: what a person hears about a change of their dossier, and through which
// channels. This is the one place that decides it: which officer actions are told (EVENT_OF),
// and which words each channel uses for each event (CHANNEL_TEXT). The channels (Web Push in
// push.ts, SMS in sms.ts) only carry a message; each writes its own job in the action's
// transaction, so a change that is rolled back notifies no one, and a committed one is
// notified after a crash too.
import { randomUUID } from 'node:crypto';
import type { StaffActionName } from '@hsc/shared';
import type { Jobs, JobTx } from '../jobs/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every channel's notifications (tests wait on `settled()`). */
    notifications: Notifications;
  }
}

export type NotifyEvent = 'accepted' | 'supplement_requested' | 'result_ready' | 'rescheduled' | 'refused' | 'stopped' | 'fee_requested';

/** Which officer actions a person hears about, and as what. */
export const EVENT_OF: Partial<Record<StaffActionName, NotifyEvent>> = {
  accept: 'accepted',
  request_supplement: 'supplement_requested',
  finish: 'result_ready',
  reschedule: 'rescheduled',
  refuse: 'refused',
  stop: 'stopped',
  request_payment: 'fee_requested',
};

export type ChannelName = 'push' | 'sms';

/**
 * The key under shared/locales/<lang>/server.json each channel words an event with; an event a
 * channel has no words for is not sent on it. A push names the details (reasons, the items
 * asked for) since it has room; an SMS is one 160-character segment, so it says what happened
 * and what to do, and the app or the desk gives the details. The fee request was not told by
 * push before SMS came (the app shows the QR code when opened); it stays so.
 */
export const CHANNEL_TEXT: Record<ChannelName, Partial<Record<NotifyEvent, string>>> = {
  push: {
    accepted: 'push.accepted',
    supplement_requested: 'push.supplement',
    result_ready: 'push.result',
    rescheduled: 'push.rescheduled',
    refused: 'push.refused',
    stopped: 'push.stopped',
  },
  sms: {
    accepted: 'sms.accepted',
    supplement_requested: 'sms.supplement',
    result_ready: 'sms.result',
    rescheduled: 'sms.rescheduled',
    refused: 'sms.refused',
    stopped: 'sms.stopped',
    fee_requested: 'sms.fee',
  },
};

/** One change to tell: `id` is made when the action is committed and kept by every retry. */
export interface Notice {
  id: string;
  dossierId: string;
  event: NotifyEvent;
}

export interface NotificationChannel {
  readonly name: ChannelName;
  /** Declares the channel's queues and works them on this node. */
  useJobs(jobs: Jobs): Promise<void>;
  /** Writes the channel's job for this notice in the caller's transaction. */
  enqueue(tx: JobTx, notice: Notice): Promise<void>;
  /** Jobs of this channel not finished yet (tests wait for 0). */
  pending(): Promise<number>;
}

export class Notifications {
  constructor(private readonly channels: readonly NotificationChannel[]) {}

  async useJobs(jobs: Jobs): Promise<void> {
    for (const c of this.channels) await c.useJobs(jobs);
  }

  /**
   * For an officer's action: what to write in its transaction (one job per channel that has
   * words for the event), or undefined when the person does not hear about this action.
   */
  inTransaction(action: StaffActionName, dossierId: string): ((tx: JobTx) => Promise<void>) | undefined {
    const event = EVENT_OF[action];
    if (!event) return undefined;
    const channels = this.channels.filter((c) => CHANNEL_TEXT[c.name][event]);
    if (!channels.length) return undefined;
    const notice: Notice = { id: randomUUID(), dossierId, event };
    return async (tx) => {
      for (const c of channels) await c.enqueue(tx, notice);
    };
  }

  /** Every notification sent so far has been delivered or given up. */
  async settled(timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      let n = 0;
      for (const c of this.channels) n += await c.pending();
      if (n === 0) return;
      if (Date.now() > until) throw new Error('notification jobs still pending');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
