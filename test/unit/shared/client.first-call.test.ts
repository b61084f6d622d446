import { afterEach, describe, expect, it, vi } from 'vitest';

// The page's side of messaging, held by hand: each request waits until the test answers it.
const pending: { type: string; answer: (v: unknown) => void; drop: () => void }[] = [];
vi.mock('../../../src/platform/messaging.ts', () => ({
  sendRuntimeMessage: (msg: { type: string }) =>
    new Promise((resolve) =>
      pending.push({ type: msg.type, answer: (value) => resolve({ ok: true, value }), drop: () => resolve(undefined) }),
    ),
  onRuntimeEvent: () => () => undefined,
}));

const { call, firstCall } = await import('../../../src/shared/client.ts');
const { startEarlyList, takeEarlyList } = await import('../../../src/ui/early-list/early-list.ts');
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  pending.length = 0;
});

describe("a page's first question", () => {
  it('goes to the worker alone: the questions asked meanwhile are sent once it is answered', async () => {
    const list = firstCall('sessions.list', {});
    const status = call('health.status', {});
    const recovery = call('recovery.status', {});
    await tick();
    expect(pending.map((p) => p.type)).toEqual(['sessions.list']);

    pending[0]!.answer({ sessions: [] });
    expect(await list).toEqual({ sessions: [] });
    await tick();
    expect(pending.map((p) => p.type)).toEqual(['sessions.list', 'health.status', 'recovery.status']);
    pending[1]!.answer({ ok: 'yes' });
    pending[2]!.answer({ pending: false });
    expect(await status).toEqual({ ok: 'yes' });
    expect(await recovery).toEqual({ pending: false });

    // Afterwards nothing waits.
    void call('health.status', {});
    await tick();
    expect(pending).toHaveLength(4);
  });

  it('a first question that fails does not hold the others', async () => {
    const list = firstCall('sessions.list', {});
    const later = call('health.status', {});
    await tick();
    pending.splice(0, 1)[0]!.drop();
    await expect(list).rejects.toThrow('did not answer');
    await tick();
    expect(pending.map((p) => p.type)).toEqual(['health.status']);
    pending[0]!.answer({ fine: true });
    expect(await later).toEqual({ fine: true });
  });

  it("adopts the list the page's head already asked for: asked once, the others still wait for it", async () => {
    startEarlyList();
    await tick();
    expect(pending.map((p) => p.type)).toEqual(['sessions.list']);

    const list = firstCall('sessions.list', {}, takeEarlyList());
    const status = call('health.status', {});
    await tick();
    expect(pending.map((p) => p.type)).toEqual(['sessions.list']);

    pending[0]!.answer({ sessions: [{ id: 'a' }] });
    expect(await list).toEqual({ sessions: [{ id: 'a' }] });
    await tick();
    expect(pending.map((p) => p.type)).toEqual(['sessions.list', 'health.status']);
    pending[1]!.answer({ ok: 'yes' });
    expect(await status).toEqual({ ok: 'yes' });
    // Taken once: a second page module would ask for itself.
    expect(takeEarlyList()).toBeUndefined();
  });
});
