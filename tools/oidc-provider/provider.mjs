// A real OpenID provider for the single sign-on tests (oidc-provider, MIT), standing in for Microsoft Entra ID.
// Settings from the environment: PORT, REDIRECT_URI and POST_LOGOUT_URI (the platform's), and ACCOUNTS, a JSON
// object of each email address to whether its sign-in used more than a password ({"ola@…": true}). Its own
// sign-in page asks for the email address only; the ID token's amr says ["pwd", "mfa"] or ["pwd"].
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT || 9400);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.ACCOUNTS || '{}');

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'livingwell',
    client_secret: 'a-long-test-client-secret',
    redirect_uris: [process.env.REDIRECT_URI],
    post_logout_redirect_uris: [process.env.POST_LOGOUT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: 'RS256',
  }],
  // amr and auth_time in every ID token, as Microsoft Entra ID gives them.
  claims: { openid: ['sub', 'amr', 'auth_time'], email: ['email', 'email_verified'] },
  scopes: ['openid', 'email'],
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => false },
  cookies: { keys: ['a-test-cookie-key'] },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    if (!(id in accounts)) return undefined;
    return { accountId: id, async claims() { return { sub: id, email: id, email_verified: true }; } };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email');
    await grant.save();
    return grant;
  },
});

function page(res, body) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html lang="en"><head><title>Kingsmere sign-in</title></head><body><main>${body}</main></body></html>`);
}

async function form(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  return new URLSearchParams(data);
}

const callback = provider.callback();
http.createServer(async (req, res) => {
  const match = req.url.match(/^\/interaction\/([\w-]+)(\/login)?$/);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST' && match[2]) {
      const email = (await form(req)).get('email') || '';
      if (!(email in accounts)) {
        return page(res, `<h1>Kingsmere sign-in</h1><p>No such account.</p>`);
      }
      const amr = accounts[email] ? ['pwd', 'mfa'] : ['pwd'];
      return await provider.interactionFinished(req, res, { login: { accountId: email, amr } }, { mergeWithLastSubmission: false });
    }
    return page(res, `<h1>Kingsmere sign-in</h1><form method="post" action="/interaction/${details.uid}/login">
      <label for="email">Email address</label> <input id="email" name="email" type="email">
      <button type="submit">Sign in</button></form>`);
  } catch (error) {
    res.writeHead(400, { 'Content-Type': 'text/plain' });
    res.end(String(error));
  }
}).listen(port, '127.0.0.1', () => console.log(`oidc-provider ready at ${issuer}`));
