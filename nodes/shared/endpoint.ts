import { UserError } from 'n8n-workflow';

/**
 * The one origin a credential may sign for: the region's vendor host, or the user's explicit custom
 * endpoint. Anything else is refused, so a signed request (and its secret-derived headers) never
 * goes to a host the user did not choose.
 */
export interface AllowedOrigin {
	/** e.g. `https://rtc.volcengineapi.com` or `http://127.0.0.1:4567` */
	origin: string;
	/** The Host header as it goes on the wire: no default port, the port otherwise. */
	host: string;
}

function tryUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
}

export function parseCustomEndpoint(raw: string, field: string): AllowedOrigin {
	const url = tryUrl(raw.trim());
	if (!url) throw new UserError(`${field} is not a valid URL. Use a full URL such as https://gateway.example.com`);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new UserError(`${field} must start with http:// or https://`);
	}
	if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
		throw new UserError(`${field} must be an origin only (scheme, host and port), without a path, query or credentials`);
	}
	return { origin: url.origin, host: url.host };
}

export function vendorOrigin(host: string): AllowedOrigin {
	return { origin: `https://${host}`, host };
}

/**
 * A credential's allowed origin: its Custom Endpoint URL when set, else its region's vendor host.
 * Kept per credential object (the credential parsers memoise those), so the custom endpoint's URL
 * parse runs once, not on every signed request.
 */
export function credentialOrigin<C extends { customEndpoint?: string }>(regionHost: (c: C) => string): (c: C) => AllowedOrigin {
	const origins = new WeakMap<C, AllowedOrigin>();
	return (c) => {
		let origin = origins.get(c);
		if (!origin) {
			origin = Object.freeze(c.customEndpoint && c.customEndpoint.trim() !== '' ? parseCustomEndpoint(c.customEndpoint, 'Custom Endpoint URL') : vendorOrigin(regionHost(c)));
			origins.set(c, origin);
		}
		return origin;
	};
}

/**
 * Resolves where a request goes, refusing any other origin. `url` may be relative (normal case) or
 * absolute (then it must be on the allowed origin). Returns the full URL to send to.
 *
 * `uri` is the legacy request option: n8n's HTTP Request node passes it (not `url`) to
 * requestWithAuthentication, and n8n sends to `url ?? uri`. It is checked like `url` — a foreign
 * host there is refused, never silently re-targeted to the credential's origin — and the caller
 * drops it from the signed request (see `withoutLegacyUri`).
 */
export function resolveRequestUrl(allowed: AllowedOrigin, url: string | undefined, baseURL: string | undefined, uri?: unknown): string {
	const legacy = legacyUri(uri);
	if (legacy !== undefined) {
		const resolved = resolveOne(allowed, legacy, baseURL);
		if (url === undefined || url === '') return resolved;
	}
	return resolveOne(allowed, url, baseURL);
}

/** The legacy `uri` option as text: a string, or a URL object (the old request library took both). */
function legacyUri(uri: unknown): string | undefined {
	if (uri === undefined || uri === null || uri === '') return undefined;
	if (typeof uri === 'string') return uri;
	if (uri instanceof URL) return uri.href;
	const href = (uri as { href?: unknown }).href;
	if (typeof href === 'string') return href;
	throw new UserError('Refusing to sign a request with an invalid uri');
}

/**
 * Set on every request a credential signs, whoever sends it (this package's nodes, the credential
 * test, n8n's HTTP Request node with a predefined credential): n8n must not follow a redirect, or it
 * re-sends the signed headers (Authorization, X-Security-Token) and query (usersig) to whatever
 * origin the Location names. `disableFollowRedirect`/`maxRedirects` are read by n8n's httpRequest,
 * `followRedirect`/`followAllRedirects` by its legacy request (n8n-core 2.41, @n8n/backend-network).
 */
export const NO_REDIRECTS = { disableFollowRedirect: true, maxRedirects: 0, followRedirect: false, followAllRedirects: false } as const;

/** The request options without the legacy `uri` (the resolved target goes in `url`). */
export function withoutLegacyUri<T extends object>(options: T): T {
	// A rest copy, not a copy and `delete`: deleting a key turns the copy into a slow dictionary
	// object, which every later spread of the signed options (and n8n's request helper) pays for.
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { uri: _legacy, ...copy } = options as T & { uri?: unknown };
	return copy as T;
}

function resolveOne(allowed: AllowedOrigin, url: string | undefined, baseURL: string | undefined): string {
	const target = url ?? '/';
	if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
		const parsed = tryUrl(target);
		if (!parsed) throw new UserError('Refusing to sign a request with an invalid URL');
		if (parsed.origin !== allowed.origin) {
			throw new UserError(
				`Refusing to sign a request for ${parsed.origin}: this credential only signs for ${allowed.origin}`,
			);
		}
		return target;
	}
	if (baseURL !== undefined && baseURL !== '') {
		const base = tryUrl(baseURL);
		if (!base) throw new UserError('Refusing to sign a request with an invalid base URL');
		if (base.origin !== allowed.origin) {
			throw new UserError(
				`Refusing to sign a request for ${base.origin}: this credential only signs for ${allowed.origin}`,
			);
		}
	}
	return `${allowed.origin}${target.startsWith('/') ? target : `/${target}`}`;
}
