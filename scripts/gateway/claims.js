// The local gateway's view of a bearer token, for rate limiting only (njs, loaded by render-nginx).
// The claims are read WITHOUT verifying the signature (njs verifies RS256 only asynchronously, and nginx
// applies limit_req before any asynchronous access check could run); the services verify every token
// and refuse a bad one with 401. So no key trusts the token alone: each also names what the gateway
// knows for itself, the client's address. A forged token naming someone else's subject or tenant
// spends only the allowance of that name FROM THE FORGER'S ADDRESS: never the real subject's or
// tenant's own, which are keyed by their own addresses. Requests without a readable token are limited
// per address too (render-nginx). The Kubernetes gateway verifies tokens before it limits (deploy/gateway).
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

// "address|tenant|sub": the token's subject as seen from the client's address, or "" without a readable
// token (then the address alone is the key).
function subject(r) {
    const c = claims(r);
    const tenant = c && text(c.tenant);
    const sub = c && text(c.sub);
    return tenant && sub ? r.remoteAddress + '|' + tenant + '|' + sub : '';
}

// "address|tenant": the token's tenant as seen from the client's address, or "".
function tenant(r) {
    const c = claims(r);
    const t = c && text(c.tenant);
    return t ? r.remoteAddress + '|' + t : '';
}

// The token's tenant name alone, only to pick the quota it is on (the trial map): choosing a tenant on a
// lower quota than one's own gains nothing.
function tenantName(r) {
    const c = claims(r);
    return (c && text(c.tenant)) || '';
}

export default { subject, tenant, tenantName };
