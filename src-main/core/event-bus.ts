/** The core's events for the window (and the shell's notifications), typed by the contract. */
import type { EventChannel, EventPayload } from '../../src-shared/ipc/contract';

export type EventListener = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  /** Returns the function that stops listening. */
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(channel, payload);
  }
}
