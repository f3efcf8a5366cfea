/* eslint-disable */
// Reads a V8 .cpuprofile (node --cpu-prof) and splits the busy time of a node's run between the
// code that did it: each sample goes to the innermost frame that belongs to a known owner (this
// package, zod which it calls, the HTTP Request node, n8n and its libraries); samples in Node's own
// internals are carried up to their caller. The window is the node's run: first to last sample with
// one of the node's own frames on the stack (it runs for every call, so these bracket the calls).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

/**
 * package* = this package's code (and zod, which only it calls here), by file: signing (credentials/,
 * transport/signer, transport/auth), sending (the delivery layer: request building, JSON bodies,
 * pacing, retries, answers), reading (everything else: parameters, validation, routing, output).
 */
export type Owner = 'packageSigning' | 'packageSending' | 'packageReading' | 'httpRequestNode' | 'n8n' | 'runtime' | 'gc' | 'idle';

export const PACKAGE_OWNERS: Owner[] = ['packageSigning', 'packageSending', 'packageReading'];

function packagePart(url: string): Owner {
	if (/[\\/]credentials[\\/]|[\\/]transport[\\/](signer|auth|usersig|usersigCache)\.js$/.test(url)) return 'packageSigning';
	if (/[\\/]shared[\\/](delivery|limiter|pool|http|json|fanout|batching|errors)\.js$|[\\/]transport[\\/](request|endpoints|limits)\.js$/.test(url)) return 'packageSending';
	return 'packageReading';
}

export interface Attribution {
	/** Milliseconds per owner inside the window: sample time × cpuScale. */
	ms: Record<Owner, number>;
	/** Milliseconds of samples per owner inside the window (wall time while the thread was busy). */
	sampledMs: Record<Owner, number>;
	/**
	 * Process CPU time in the window / busy sample time in it (a loaded machine preempts the process
	 * and the sampler counts that time too); 1 when no CPU log was found.
	 */
	cpuScale: number;
	windowMs: number;
	samples: number;
	file: string;
}

export interface Owners {
	/** URL test for this package's code (and what it calls on its own, zod). */
	isPackage: (url: string) => boolean;
	/** URL test of the node whose run is the window (any of its frames). */
	isNode: (url: string) => boolean;
}

function ownerOf(url: string, owners: Owners): Owner | undefined {
	if (!url || url.startsWith('node:')) return undefined;
	if (owners.isPackage(url)) return packagePart(url);
	if (/n8n-nodes-base[\\/]dist[\\/]nodes[\\/]HttpRequest[\\/]/.test(url)) return 'httpRequestNode';
	return 'n8n';
}

export function attribute(file: string, owners: Owners, cpu?: CpuLog): Attribution | undefined {
	const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map<number, ProfileNode>();
	const parent = new Map<number, number>();
	for (const nd of p.nodes) byId.set(nd.id, nd);
	for (const nd of p.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
	const owner = new Map<number, Owner>();
	const inNode = new Map<number, boolean>();
	const resolve = (id: number): { owner: Owner; inNode: boolean } => {
		if (owner.has(id)) return { owner: owner.get(id)!, inNode: inNode.get(id)! };
		const nd = byId.get(id)!;
		const fn = nd.callFrame.functionName;
		let o: Owner;
		let within = false;
		const up = parent.get(id);
		const above = up === undefined ? undefined : resolve(up);
		if (fn === '(idle)') o = 'idle';
		else if (fn === '(garbage collector)') o = 'gc';
		else if (fn === '(program)' || fn === '(root)') o = 'runtime';
		else o = ownerOf(nd.callFrame.url, owners) ?? (above && above.owner !== 'idle' ? above.owner : 'runtime');
		within = (above?.inNode ?? false) || owners.isNode(nd.callFrame.url);
		// A frame inside a known owner keeps its own owner; a Node internal (undefined) took its caller's above.
		owner.set(id, o);
		inNode.set(id, within);
		return { owner: o, inNode: within };
	};
	let t = p.startTime;
	const times: number[] = new Array(p.samples.length);
	for (let k = 0; k < p.samples.length; k++) {
		t += p.timeDeltas[k] ?? 0;
		times[k] = t;
	}
	let first = -1;
	let last = -1;
	for (let k = 0; k < p.samples.length; k++) {
		if (resolve(p.samples[k]).inNode) {
			if (first < 0) first = k;
			last = k;
		}
	}
	if (first < 0) return undefined;
	const zero = (): Record<Owner, number> => ({ packageSigning: 0, packageSending: 0, packageReading: 0, httpRequestNode: 0, n8n: 0, runtime: 0, gc: 0, idle: 0 });
	const sampledMs = zero();
	for (let k = first + 1; k <= last; k++) sampledMs[resolve(p.samples[k]).owner] += (times[k] - times[k - 1]) / 1000;
	const busyMs = Object.values(sampledMs).reduce((a, b) => a + b, 0) - sampledMs.idle;
	const cpuMs = cpu ? cpuBetween(cpu, times[first], times[last]) : undefined;
	const cpuScale = cpuMs !== undefined && busyMs > 0 ? cpuMs / busyMs : 1;
	const ms = zero();
	for (const k of Object.keys(ms) as Owner[]) ms[k] = k === 'idle' ? sampledMs[k] : sampledMs[k] * cpuScale;
	return { ms, sampledMs, cpuScale, windowMs: (times[last] - times[first]) / 1000, samples: last - first + 1, file };
}

/** [monotonic µs (process.hrtime, the profiler's clock), process CPU µs (user + system)] pairs, from bench/lib/n8n-timewarp.ts. */
export type CpuLog = Array<[number, number]>;

/** CPU ms between two monotonic µs instants, interpolated; undefined when the log does not cover them. */
function cpuBetween(log: CpuLog, fromUs: number, toUs: number): number | undefined {
	const at = (t: number) => {
		for (let k = 1; k < log.length; k++) {
			if (log[k][0] >= t) {
				const [t0, c0] = log[k - 1];
				const [t1, c1] = log[k];
				return log[k - 1][0] > t ? undefined : c0 + ((c1 - c0) * (t - t0)) / Math.max(1, t1 - t0);
			}
		}
		return undefined;
	};
	const a = at(fromUs);
	const b = at(toUs);
	return a === undefined || b === undefined ? undefined : (b - a) / 1000;
}

/** The profile in `dir` that contains the node's run (n8n writes one per process: main, task runner). */
export function attributeDir(dir: string, owners: Owners): Attribution | undefined {
	let best: Attribution | undefined;
	for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
		// CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile, and cpu-<pid>.json from the preload
		const pid = f.split('.')[3];
		const log = join(dir, `cpu-${pid}.json`);
		const a = attribute(join(dir, f), owners, existsSync(log) ? (JSON.parse(readFileSync(log, 'utf8')) as CpuLog) : undefined);
		if (a && (!best || a.windowMs > best.windowMs)) best = a;
	}
	return best;
}
