// Sandbox code (not shipped): Tencent Chat chatbots — create_robot, delete_robot, get_all_robots
// (tencentcloud.com/document/product/1047/55280–55282; fields: doocs Robot.java, CreateRobotRequest.java).
// A chatbot is an account whose UserID starts with @RBT#; creating it again succeeds; at most 20 per app.
// sandbox: codes are our reading — 70402 bad request, 70398 the 20-chatbot cap, 70107 unknown chatbot.
import { bytes, stringField, TimError } from './fields';
import { route, type TimRoute } from './route';
import type { TencentState, TimCtx } from './state';

const robots = new WeakMap<TencentState, Set<string>>();
const of = (st: TencentState) => {
	let s = robots.get(st);
	if (!s) robots.set(st, (s = new Set()));
	return s;
};

function robotId(body: Record<string, unknown>, name: string): string {
	const id = stringField(body, name, 70402, true);
	if (!id.startsWith('@RBT#') || bytes(id) > 32) throw new TimError(70402, `${name} must start with @RBT# and be at most 32 bytes`);
	return id;
}

function create_robot(ctx: TimCtx, body: Record<string, unknown>) {
	const id = robotId(body, 'UserID');
	for (const k of ['Nick', 'FaceUrl', 'SelfSignature']) {
		const v = body[k];
		if (v !== undefined && (typeof v !== 'string' || bytes(v) > 500)) throw new TimError(70402, `${k} must be text of at most 500 bytes`);
	}
	const set = of(ctx.st);
	if (!set.has(id) && set.size >= 20) throw new TimError(70398, 'At most 20 chatbots per app');
	set.add(id);
	ctx.st.accounts.add(id);
	if (typeof body.Nick === 'string' || typeof body.FaceUrl === 'string') {
		const p = ctx.st.profiles.get(id) ?? {};
		ctx.st.profiles.set(id, {
			...p,
			...(typeof body.Nick === 'string' ? { nick: body.Nick } : {}),
			...(typeof body.FaceUrl === 'string' ? { faceUrl: body.FaceUrl } : {}),
		});
	}
	return {};
}

function delete_robot(ctx: TimCtx, body: Record<string, unknown>) {
	const id = robotId(body, 'Robot_Account');
	if (!of(ctx.st).delete(id)) throw new TimError(70107, `${id} is not a chatbot of this app`);
	return {};
}

function get_all_robots(ctx: TimCtx) {
	return { Robot_Account: [...of(ctx.st)] };
}

export const robotRoutes: TimRoute[] = [
	route('openim_robot_http_svc/create_robot', 'openim', 200, create_robot),
	route('openim_robot_http_svc/delete_robot', 'openim', 200, delete_robot),
	route('openim_robot_http_svc/get_all_robots', 'openim', 200, get_all_robots),
];
