/**
 * Runs tasks with at most `concurrency` in flight. Tasks that share a lane key run one after the
 * other, in input order (messages to one conversation keep their order); tasks without a key, or
 * with different keys, run side by side. A rate limiter still decides when each request goes out:
 * concurrency only hides the round trip (a sequential loop caps at 1/RTT).
 */
export async function runPool<T>(
	tasks: T[],
	concurrency: number,
	run: (task: T, index: number) => Promise<void>,
	laneOf?: (task: T) => string | undefined,
): Promise<void> {
	// One task (an item with up to a batch of receivers, a single item: the common case) needs no lanes or workers.
	if (tasks.length === 1) {
		await run(tasks[0], 0);
		return;
	}
	const lanes: Array<Array<{ task: T; index: number }>> = [];
	const byKey = new Map<string, Array<{ task: T; index: number }>>();
	tasks.forEach((task, index) => {
		const key = laneOf?.(task);
		if (key === undefined) {
			lanes.push([{ task, index }]);
			return;
		}
		let lane = byKey.get(key);
		if (!lane) {
			lane = [];
			byKey.set(key, lane);
			lanes.push(lane);
		}
		lane.push({ task, index });
	});
	let next = 0;
	const worker = async () => {
		while (next < lanes.length) {
			const lane = lanes[next++];
			for (const { task, index } of lane) await run(task, index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, lanes.length)) }, worker));
}

/**
 * How many coalesced calls may run side by side: all of them (up to `concurrency`) when no entity
 * appears in two calls, else one at a time, so two updates of the same user keep their order.
 */
export function safeConcurrency<C>(calls: C[], keysOf: (call: C) => Iterable<unknown>, concurrency: number): number {
	const seen = new Set<unknown>();
	for (const call of calls) {
		const mine = new Set<unknown>(keysOf(call));
		for (const k of mine) {
			if (seen.has(k)) return 1;
		}
		for (const k of mine) seen.add(k);
	}
	return concurrency;
}
