// The local gateway's view of a bearer token, for rate limiting only (njs, loaded by render-nginx).
// The claims are read WITHOUT verifying the signature: the services verify every token and refuse a
// bad one with 401. A forged token naming someone else's subject spends that subject's allowance at
// the gateway, never more than that, and still gets no data.
function claims(r) {
    const auth = r.headersIn.Authorization;
    if (!auth || auth.length > 8192) {
        return null;
    }
    const m = auth.match(/^Bearer +[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/);
    if (!m) {
        return null;
    }
    try {
        const payload = JSON.parse(Buffer.from(m[1], 'base64url').toString());
        return payload !== null && typeof payload === 'object' ? payload : null;
    } catch (e) {
        return null;
    }
}

function text(value) {
    return typeof value === 'string' && value.length > 0 && value.length <= 256 && !/[\x00-\x1f\x7f]/.test(value) ? value : null;
}

// "tenant|sub" of the token, or "" without a readable token (then the client's address is the key).
function subject(r) {
    const c = claims(r);
    const tenant = c && text(c.tenant);
    const sub = c && text(c.sub);
    return tenant && sub ? tenant + '|' + sub : '';
}

function tenant(r) {
    const c = claims(r);
    return (c && text(c.tenant)) || '';
}

export default { subject, tenant };
