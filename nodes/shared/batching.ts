/**
 * Plans calls for APIs that take arrays: consecutive items that may share a call are grouped, up to
 * `max` per call, and an entity (a user) never appears twice in one call, so every per-entity
 * result maps back to exactly one item. Input order is kept.
 */
export function planBatches<T>(
	items: T[],
	opts: {
		max: (first: T) => number;
		compatible?: (first: T, next: T) => boolean;
		key?: (item: T) => unknown;
		/** Whether `next` still fits into the call planned so far (a byte limit of the merged body). */
		fits?: (current: T[], next: T) => boolean;
	},
): T[][] {
	const calls: T[][] = [];
	let current: T[] = [];
	let keys = new Set<unknown>();
	for (const item of items) {
		const head = current[0];
		const k = opts.key?.(item);
		const fits =
			head !== undefined &&
			current.length < opts.max(head) &&
			(opts.compatible?.(head, item) ?? true) &&
			(k === undefined || !keys.has(k)) &&
			(opts.fits?.(current, item) ?? true);
		if (!fits && current.length) {
			calls.push(current);
			current = [];
			keys = new Set();
		}
		current.push(item);
		if (k !== undefined) keys.add(k);
	}
	if (current.length) calls.push(current);
	return calls;
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}
