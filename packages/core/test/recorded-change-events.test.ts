import { createSchemaStore, type SchemaStore } from '@llmsr/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRecordingChangeEmitter,
  type RecordedChangeEvent,
} from '../src/recorded-change-events.js';

const configChanged = { type: 'config.changed', payload: { subject: null, at: 'now' } };

/** Wait until `check` holds (at most a second). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('following the event log', () => {
  let store: SchemaStore;
  let failures: number;
  let reads: number;
  beforeEach(async () => {
    store = await createSchemaStore('memory:');
    failures = 0;
    reads = 0;
    const listEvents = store.listEvents.bind(store);
    // A store whose reads fail while `failures` is positive, like a database that went away.
    store.listEvents = async (options) => {
      reads++;
      if (failures > 0) {
        failures--;
        throw new Error('connection lost');
      }
      return listEvents(options);
    };
  });
  afterEach(() => store.close());

  it('hands every stored event to onStored once, in id order, whoever appended it', async () => {
    const seen: number[] = [];
    const emitter = await createRecordingChangeEmitter(store, {
      onStored: (event) => {
        seen.push(event.id);
      },
    });
    for (let i = 0; i < 3; i++) await store.appendEvent(configChanged);
    await until(() => seen.length === 3);
    await emitter.flush();
    expect(seen).toEqual([1, 2, 3]);
    await emitter.close();
  });

  it('retries a failed read without throwing and delivers what it missed', async () => {
    const seen: RecordedChangeEvent[] = [];
    const emitter = await createRecordingChangeEmitter(store, { retryMs: 20 });
    emitter.subscribeRecorded((event) => seen.push(event));
    await emitter.flush();
    failures = 2;
    await store.appendEvent(configChanged);
    await until(() => seen.length === 1);
    expect(seen.map((e) => e.id)).toEqual([1]);
    await emitter.close();
  });

  it('does not deliver events stored before a listener subscribed', async () => {
    const emitter = await createRecordingChangeEmitter(store);
    await store.appendEvent(configChanged);
    const seen: number[] = [];
    emitter.subscribeRecorded((event) => seen.push(event.id));
    await emitter.flush();
    await store.appendEvent(configChanged);
    await until(() => seen.length === 1);
    expect(seen).toEqual([2]);
    await emitter.close();
  });

  it('stops reading once closed', async () => {
    const emitter = await createRecordingChangeEmitter(store, { retryMs: 5 });
    failures = 1_000;
    await store.appendEvent(configChanged);
    await until(() => reads > 2);
    await emitter.close();
    const after = reads;
    await store.appendEvent(configChanged);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(after);
  });

  it('reports events retention dropped before they were read', async () => {
    let gaps = 0;
    await store.appendEvent(configChanged);
    const emitter = await createRecordingChangeEmitter(store, { onGap: () => gaps++ });
    failures = 1_000;
    for (let i = 0; i < 4; i++) await store.appendEvent(configChanged, { retain: 2 });
    failures = 0;
    await emitter.flush();
    expect(gaps).toBe(1);
    await emitter.close();
  });
});
