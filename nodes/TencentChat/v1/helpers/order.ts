/**
 * Message order in one-to-one conversations (tencent-chat.md §4.1–4.2).
 *
 * Tencent sorts a conversation's history by MsgTime (seconds) and, within one second, by MsgSeq,
 * which the sender chooses ("单聊消息历史记录对同一个会话的消息先以时间戳排序，同秒内的消息再以
 * MsgSeq 排序": cloud.tencent.com/document/product/269/2282 and 269/1612; dobyte/tencent-im
 * private/types.go: "后台会根据该字段去重及进行同秒内消息的排序"). A random MsgSeq therefore shuffles
 * messages sent in the same second. MsgSeq is drawn here from one process-wide counter that only
 * goes up, starting at the current Unix time in seconds — so it increases per conversation within
 * an execution (items are prepared in input order) and across executions (a later execution starts
 * at least at its start time, and never below the last value drawn). It is fixed in the item's
 * body before the first attempt, so retries keep it (and Tencent's de-duplication). MsgRandom
 * stays random (32 bits).
 */

const UINT32_MAX = 4294967295;
let lastSeq = 0;

export function nextMsgSeq(nowMs: number = Date.now()): number {
	const base = Math.floor(nowMs / 1000) % (UINT32_MAX + 1);
	lastSeq = lastSeq >= base && lastSeq < UINT32_MAX ? lastSeq + 1 : base;
	return lastSeq;
}

/**
 * Lanes: items that share a conversation (sender → receiver) must not overtake each other,
 * retries included. An item of a batch send reaches many receivers, so two items share a lane when
 * any of their conversations overlap — a union-find over the items of one execution, resolved when
 * the router asks for the lane key (after every item was prepared).
 */
export interface Lane {
	id: number;
	parent?: Lane;
}

interface LaneBook {
	next: number;
	byConversation: Map<string, Lane>;
}

const books = new WeakMap<object, LaneBook>();

function root(lane: Lane): Lane {
	let r = lane;
	while (r.parent) r = r.parent;
	let l = lane;
	while (l.parent) {
		const up: Lane = l.parent;
		l.parent = r;
		l = up;
	}
	return r;
}

/** The lane of an item reaching `conversations`, joined with every earlier item of the run (`run`: the execute context) that shares one. */
export function joinLane(run: object, conversations: Iterable<string>): Lane {
	let book = books.get(run);
	if (!book) {
		book = { next: 1, byConversation: new Map() };
		books.set(run, book);
	}
	const lane: Lane = { id: book.next++ };
	for (const c of conversations) {
		const other = book.byConversation.get(c);
		if (other) {
			const r = root(other);
			if (r !== lane) r.parent = lane;
		}
		book.byConversation.set(c, lane);
	}
	return lane;
}

export const laneKey = (lane: Lane): string => `c2c-lane:${root(lane).id}`;

export const conversation = (from: string | undefined, to: string): string => `${from ?? ''}\u0000${to}`;
