/** A small HTTP client with a cookie jar, so tests act like one browser session without JavaScript. */

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
  json<T = unknown>(): T;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string, private readonly defaultHeaders: Record<string, string> = {}) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers: { ...this.defaultHeaders, ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}), ...headers },
      ...(body !== undefined ? { body } : {}),
    });
    this.remember(res.headers);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location'), json: <T>() => JSON.parse(text) as T };
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.request('GET', path, undefined, headers);
  }

  /** POSTs a form, as a browser without JavaScript does. */
  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> {
    return this.request('POST', path, new URLSearchParams(form).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });
  }

  /** Follows redirects of GETs, as a browser does. */
  async follow(reply: Reply): Promise<Reply> {
    let r = reply;
    for (let i = 0; i < 5 && r.location && r.status >= 300 && r.status < 400; i++) r = await this.get(new URL(r.location, this.base + '/').pathname + new URL(r.location, this.base + '/').search);
    return r;
  }

  /** Logs in through Special:UserLogin like a person would; returns the final reply. */
  async login(name: string, password = 'demo-password', returnto = ''): Promise<Reply> {
    const form = await this.get('/wiki/Special:UserLogin');
    const token = hiddenField(form.text, 'wpLoginToken');
    return this.post('/wiki/Special:UserLogin', { wpName: name, wpPassword: password, wpLoginToken: token, returnto, returntoquery: '' });
  }
}

/** The value of a hidden input in a page. */
export function hiddenField(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no field ${name} in the page`);
  return m[1]!.replace(/&#43;/g, '+').replace(/&#92;/g, '\\').replace(/&amp;/g, '&').replace(/&#34;/g, '"').replace(/&#39;/g, "'");
}

/** One logged-in client per demo user, made on first use: `as('Tomas')` in the desk's suites. */
export function clientsOf(url: () => string): (name: string) => Promise<HttpClient> {
  const clients = new Map<string, HttpClient>();
  return async (name) => {
    let client = clients.get(name);
    if (!client) {
      client = new HttpClient(url());
      const r = await client.login(name);
      if (r.status !== 303) throw new Error(`login of ${name} answered ${r.status}`);
      clients.set(name, client);
    }
    return client;
  };
}
