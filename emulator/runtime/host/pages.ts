import type { Actor, SiteResponse } from '../../jira/site-contract';
import type { ForgeRuntime } from '../forge-runtime';
import { resolveTitle, type UiModule } from '../manifest';
import type { UiContextInput } from '../ui-context';
import { frameUrl } from './frames';

/** Who is looking at a page and in which language (from ?as= / ?locale= or their cookies). */
export interface Viewer {
  accountId?: string;
  locale: string;
  colorMode: 'light' | 'dark';
}

export interface PageResult {
  status: number;
  html: string;
}

export const esc = (s: unknown): string =>
  (typeof s === 'string' ? s : typeof s === 'number' || typeof s === 'boolean' ? String(s) : '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const actorOf = (viewer: Viewer): Actor => (viewer.accountId !== undefined ? { kind: 'user', accountId: viewer.accountId } : { kind: 'user', accountId: 'anonymous' });

async function get(runtime: ForgeRuntime, path: string, actor: Actor): Promise<SiteResponse> {
  return runtime.site.request({ method: 'GET', path, actor });
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Plain text of an Atlassian Document Format node (enough to show a description). */
function adfText(node: unknown): string {
  const n = obj(node);
  if (typeof n.text === 'string') return n.text;
  const children = Array.isArray(n.content) ? n.content.map(adfText) : [];
  return children.join(n.type === 'doc' ? '\n\n' : n.type === 'paragraph' ? '' : '\n');
}

function frame(runtime: ForgeRuntime, module: UiModule, viewer: Viewer, extra: Omit<UiContextInput, 'moduleKey' | 'accountId' | 'locale' | 'colorMode'>, height: number): string {
  if (module.resource === undefined) return '';
  const input: UiContextInput = {
    moduleKey: module.key,
    ...(viewer.accountId !== undefined ? { accountId: viewer.accountId } : {}),
    locale: viewer.locale,
    colorMode: viewer.colorMode,
    timezone: 'Asia/Tokyo',
    ...extra,
  };
  return `<iframe class="forge-frame" data-module-key="${esc(module.key)}" data-module-type="${esc(module.type)}" title="${esc(
    resolveTitle(runtime.manifest, module.title, viewer.locale, module.key),
  )}" src="${esc(frameUrl(module.resource, input))}" style="height:${height}px"></iframe>`;
}

function layout(runtime: ForgeRuntime, viewer: Viewer, title: string, body: string, users: { accountId: string; displayName: string }[], currentPath: string): string {
  const now = new Date(runtime.clock.now()).toISOString();
  const options = users
    .map((u) => `<option value="${esc(u.accountId)}"${u.accountId === viewer.accountId ? ' selected' : ''}>${esc(u.displayName)} (${esc(u.accountId)})</option>`)
    .join('');
  return `<!doctype html>
<html lang="${esc(viewer.locale.slice(0, 2))}" data-color-mode="${viewer.colorMode}"><head><meta charset="utf-8">
<title>${esc(title)} - Local Jira</title>
<style>
*{box-sizing:border-box}body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans JP",sans-serif;color:#172b4d;background:#fff}
header.top{display:flex;gap:16px;align-items:center;padding:8px 16px;border-bottom:1px solid #dfe1e6;background:#fafbfc}
header.top a{color:#0052cc;text-decoration:none}.brand{font-weight:600}.spacer{flex:1}.clock{color:#6b778c;font-size:12px}
main{display:flex;gap:24px;padding:16px 24px}.col-main{flex:1;min-width:0}.col-side{width:340px}
.crumbs{color:#6b778c;font-size:13px}h1{font-size:24px;margin:4px 0 16px}h2{font-size:16px;margin:24px 0 8px}
.lozenge{display:inline-block;padding:0 6px;border-radius:3px;background:#dfe1e6;font-size:11px;font-weight:700;text-transform:uppercase}
.lozenge.done{background:#e3fcef;color:#006644}.lozenge.indeterminate{background:#deebff;color:#0747a6}
dl.details{display:grid;grid-template-columns:110px 1fr;gap:6px 8px;margin:0}dl.details dt{color:#6b778c}dl.details dd{margin:0}
.forge-frame{width:100%;border:0;display:block}.module{border:1px solid #dfe1e6;border-radius:3px;margin:8px 0;padding:4px 8px}
.module>.module-title{font-weight:600;font-size:12px;color:#6b778c;padding:4px 0}
nav.side{width:240px;border-right:1px solid #dfe1e6;padding-right:12px}nav.side a{display:block;padding:6px 8px;color:#172b4d;text-decoration:none;border-radius:3px}
nav.side a.active{background:#e9f2ff;color:#0c66e4}table.list{border-collapse:collapse;width:100%}table.list td,table.list th{border-bottom:1px solid #ebecf0;padding:6px 8px;text-align:left}
#flags{position:fixed;right:16px;top:56px;display:flex;flex-direction:column;gap:8px;z-index:10}
.flag{background:#fff;border-left:4px solid #0052cc;box-shadow:0 4px 8px rgba(9,30,66,.25);padding:8px 12px;max-width:360px}
.flag.error{border-color:#de350b}.flag.success{border-color:#00875a}.flag.warning{border-color:#ff991f}
.empty{color:#6b778c}
</style></head><body>
<header class="top"><a class="brand" href="/">Local Jira <span class="clock">(Incident Desk emulator)</span></a>
<a href="/projects">Projects</a><span class="spacer"></span>
<span class="clock" data-testid="clock">now ${esc(now)}</span>
<form method="get" action="${esc(currentPath)}"><label>Acting as <select name="as" onchange="this.form.submit()"><option value="">anonymous</option>${options}</select></label>
<select name="locale" onchange="this.form.submit()">${['en-US', 'ja-JP'].map((l) => `<option${l === viewer.locale ? ' selected' : ''}>${l}</option>`).join('')}</select></form>
</header>
<div id="flags" data-testid="flags"></div>
${body}
<script>
(function () {
  var frames = function () { return Array.prototype.slice.call(document.querySelectorAll('iframe.forge-frame')); };
  window.addEventListener('message', function (e) {
    var m = e.data; if (!m || !m.__forgeEmulator) return;
    if (m.type === 'showFlag') {
      var o = m.options || {}; var d = document.createElement('div');
      d.className = 'flag ' + (o.type || 'info'); d.setAttribute('data-testid', 'flag'); d.setAttribute('data-flag-id', o.id);
      d.innerHTML = '<strong></strong><div></div>'; d.firstChild.textContent = o.title || ''; d.lastChild.textContent = o.description || '';
      document.getElementById('flags').appendChild(d);
      if (o.isAutoDismiss !== false) setTimeout(function () { d.remove(); }, 8000);
    } else if (m.type === 'closeFlag') {
      var f = document.querySelector('[data-flag-id="' + m.id + '"]'); if (f) f.remove();
    } else if (m.type === 'emit') {
      frames().forEach(function (f) { f.contentWindow.postMessage({ __forgeEmulatorEvent: true, event: m.event, payload: m.payload }, '*'); });
    } else if (m.type === 'refresh') {
      frames().forEach(function (f) { if (f.contentWindow === e.source) f.contentWindow.location.reload(); });
    } else if (m.type === 'title') {
      document.title = m.title;
    } else if (m.type === 'route' && document.body.getAttribute('data-route-base')) {
      history.replaceState(null, '', document.body.getAttribute('data-route-base') + m.pathname.replace(/^\\//, ''));
    }
  });
  setInterval(function () {
    frames().forEach(function (f) {
      try { var h = f.contentDocument && f.contentDocument.documentElement.scrollHeight; if (h && Math.abs(h - f.clientHeight) > 4) f.style.height = Math.min(h, 2400) + 'px'; } catch (err) { /* cross-origin */ }
    });
  }, 500);
})();
</script>
</body></html>`;
}

/** The user switcher lists the site's people; the page host is Jira itself, so it may read its state. */
function usersFor(runtime: ForgeRuntime): Promise<{ accountId: string; displayName: string }[]> {
  const store = (runtime.site as { store?: { users?: Map<string, { accountId: string; displayName: string; accountType: string; active: boolean }> } }).store;
  const users = store?.users ? [...store.users.values()] : [];
  return Promise.resolve(users.filter((u) => u.accountType !== 'app' && u.active).map((u) => ({ accountId: u.accountId, displayName: u.displayName })));
}

function notFound(runtime: ForgeRuntime, viewer: Viewer, users: { accountId: string; displayName: string }[], path: string, message: string): PageResult {
  return { status: 404, html: layout(runtime, viewer, 'Not found', `<main><div class="col-main"><h1>Not found</h1><p data-testid="not-found">${esc(message)}</p></div></main>`, users, path) };
}

export async function issuePage(runtime: ForgeRuntime, viewer: Viewer, issueKey: string, path: string): Promise<PageResult> {
  const users = await usersFor(runtime);
  // Forge app fields are keyed `<appId>__<ENV>__<moduleKey>`: find each jira:customField module's field id.
  const fieldList = await get(runtime, '/rest/api/3/field', { kind: 'app' });
  const appFields = new Map<string, string>();
  for (const f of Array.isArray(fieldList.body) ? fieldList.body.map(obj) : []) {
    const key = str(f.key);
    const module = runtime.manifest.uiModules.find((m) => m.type === 'jira:customField' && key.endsWith(`__${m.key}`));
    if (module) appFields.set(module.key, str(f.id));
  }
  const res = await get(
    runtime,
    `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=summary,status,priority,issuetype,assignee,reporter,created,updated,description,labels,project,resolutiondate${[...appFields.values()].map((id) => `,${id}`).join('')}`,
    actorOf(viewer),
  );
  if (res.status !== 200) {
    return notFound(runtime, viewer, users, path, `Issue ${issueKey} does not exist or you do not have permission to see it. (${res.status})`);
  }
  const issue = obj(res.body);
  const f = obj(issue.fields);
  const project = obj(f.project);
  const status = obj(f.status);
  const type = obj(f.issuetype);
  const extra = {
    project: { id: str(project.id), key: str(project.key), type: str(project.projectTypeKey) || 'software' },
    issue: { id: str(issue.id), key: str(issue.key), type: str(type.name), typeId: str(type.id) },
  };
  const modules = runtime.manifest.uiModules;
  const titled = (m: UiModule, inner: string): string =>
    `<section class="module" data-testid="module-${esc(m.key)}"><div class="module-title">${esc(resolveTitle(runtime.manifest, m.title, viewer.locale, m.key))}</div>${inner}</section>`;
  const panels = modules.filter((m) => m.type === 'jira:issuePanel').map((m) => titled(m, frame(runtime, m, viewer, extra, 220)));
  const contexts = modules.filter((m) => m.type === 'jira:issueContext').map((m) => titled(m, frame(runtime, m, viewer, extra, 120)));
  const fields = modules
    .filter((m) => m.type === 'jira:customField')
    .map((m) => {
      const fieldId = appFields.get(m.key);
      const fieldExtension = {
        ...(fieldId !== undefined ? { fieldId, fieldValue: f[fieldId] ?? null } : {}),
        fieldType: m.fieldType ?? 'string',
        renderContext: 'issue-view',
      };
      return titled(m, frame(runtime, m, viewer, { ...extra, extension: fieldExtension }, 60));
    });
  const person = (v: unknown): string => esc(str(obj(v).displayName) || 'Unassigned');
  const body = `<main><div class="col-main">
<div class="crumbs"><a href="/projects/${esc(project.key)}/issues">${esc(project.name ?? project.key)}</a> / <span data-testid="issue-key">${esc(issue.key)}</span></div>
<h1 data-testid="summary">${esc(f.summary)}</h1>
<h2>Description</h2><div style="white-space:pre-wrap">${esc(adfText(f.description)) || '<span class="empty">None</span>'}</div>
${panels.join('\n')}
</div><aside class="col-side">
<p><span class="lozenge ${esc(obj(status.statusCategory).key)}" data-testid="status">${esc(status.name)}</span></p>
${contexts.join('\n')}
<h2>Details</h2><dl class="details">
<dt>Type</dt><dd>${esc(type.name)}</dd><dt>Priority</dt><dd data-testid="priority">${esc(obj(f.priority).name)}</dd>
<dt>Assignee</dt><dd>${person(f.assignee)}</dd><dt>Reporter</dt><dd>${person(f.reporter)}</dd>
<dt>Labels</dt><dd>${esc(Array.isArray(f.labels) ? f.labels.join(', ') : '')}</dd>
<dt>Created</dt><dd>${esc(f.created)}</dd><dt>Updated</dt><dd>${esc(f.updated)}</dd><dt>Resolved</dt><dd>${esc(f.resolutiondate) || '—'}</dd>
</dl>
${fields.join('\n')}
</aside></main>`;
  return { status: 200, html: layout(runtime, viewer, `[${str(issue.key)}] ${str(f.summary)}`, body, users, path) };
}

async function projectOf(runtime: ForgeRuntime, viewer: Viewer, projectKey: string): Promise<Json | undefined> {
  const res = await get(runtime, `/rest/api/3/project/${encodeURIComponent(projectKey)}`, actorOf(viewer));
  return res.status === 200 ? obj(res.body) : undefined;
}

export async function projectSettingsPage(runtime: ForgeRuntime, viewer: Viewer, projectKey: string, route: string | undefined, path: string): Promise<PageResult> {
  const users = await usersFor(runtime);
  const project = await projectOf(runtime, viewer, projectKey);
  if (!project) return notFound(runtime, viewer, users, path, `Project ${projectKey} does not exist or you do not have permission to see it.`);
  const module = runtime.manifest.uiModules.find((m) => m.type === 'jira:projectSettingsPage');
  if (!module) return notFound(runtime, viewer, users, path, 'manifest.yml has no jira:projectSettingsPage module.');
  const base = `/projects/${encodeURIComponent(projectKey)}/settings/apps/incident-desk`;
  const current = route ?? module.pages[0]?.route;
  const links = module.pages
    .map((p) => `<a href="${base}/${esc(p.route)}" class="${p.route === current ? 'active' : ''}" data-testid="settings-nav-${esc(p.route)}">${esc(resolveTitle(runtime.manifest, p.title, viewer.locale, p.route))}</a>`)
    .join('');
  const extra = {
    project: { id: str(project.id), key: str(project.key), type: str(project.projectTypeKey) || 'software' },
    ...(current !== undefined ? { route: current } : {}),
  };
  const title = resolveTitle(runtime.manifest, module.title, viewer.locale, module.key);
  const body = `<main><nav class="side"><div class="crumbs">Project settings · ${esc(project.name ?? projectKey)}</div>
<a href="${base}" class="${route === undefined ? 'active' : ''}"><strong>${esc(title)}</strong></a>${links}</nav>
<div class="col-main" data-testid="settings-main"><h1>${esc(title)}</h1>${frame(runtime, module, viewer, extra, 600)}</div></main>`;
  const html = layout(runtime, viewer, `${title} - ${projectKey}`, body, users, path).replace('<body>', `<body data-route-base="${esc(base)}/">`);
  return { status: 200, html };
}

export async function projectAppPage(runtime: ForgeRuntime, viewer: Viewer, projectKey: string, path: string): Promise<PageResult> {
  const users = await usersFor(runtime);
  const project = await projectOf(runtime, viewer, projectKey);
  if (!project) return notFound(runtime, viewer, users, path, `Project ${projectKey} does not exist or you do not have permission to see it.`);
  const module = runtime.manifest.uiModules.find((m) => m.type === 'jira:projectPage');
  if (!module) return notFound(runtime, viewer, users, path, 'manifest.yml has no jira:projectPage module.');
  const extra = { project: { id: str(project.id), key: str(project.key), type: str(project.projectTypeKey) || 'software' } };
  const title = resolveTitle(runtime.manifest, module.title, viewer.locale, module.key);
  const body = `<main><div class="col-main"><div class="crumbs">${esc(project.name ?? projectKey)}</div><h1>${esc(title)}</h1>${frame(runtime, module, viewer, extra, 800)}</div></main>`;
  return { status: 200, html: layout(runtime, viewer, `${title} - ${projectKey}`, body, users, path) };
}

export async function projectIssuesPage(runtime: ForgeRuntime, viewer: Viewer, projectKey: string, path: string): Promise<PageResult> {
  const users = await usersFor(runtime);
  const project = await projectOf(runtime, viewer, projectKey);
  if (!project) return notFound(runtime, viewer, users, path, `Project ${projectKey} does not exist or you do not have permission to see it.`);
  const res = await runtime.site.request({
    method: 'POST',
    path: '/rest/api/3/search/jql',
    actor: actorOf(viewer),
    body: { jql: `project = "${projectKey}" ORDER BY created DESC`, maxResults: 100, fields: ['summary', 'status', 'priority', 'issuetype', 'assignee', 'created'] },
  });
  const issues = Array.isArray(obj(res.body).issues) ? (obj(res.body).issues as unknown[]).map(obj) : [];
  const rows = issues
    .map((i) => {
      const f = obj(i.fields);
      return `<tr><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(obj(f.issuetype).name)}</td><td>${esc(f.summary)}</td><td>${esc(obj(f.status).name)}</td><td>${esc(obj(f.priority).name)}</td><td>${esc(str(obj(f.assignee).displayName) || '—')}</td><td>${esc(f.created)}</td></tr>`;
    })
    .join('');
  const base = `/projects/${encodeURIComponent(projectKey)}`;
  const body = `<main><div class="col-main"><div class="crumbs">Projects / ${esc(project.name ?? projectKey)}</div><h1>${esc(project.name ?? projectKey)} issues</h1>
<p><a href="${base}/apps/incident-desk">Reports</a> · <a href="${base}/settings/apps/incident-desk">Project settings: Incident Desk</a></p>
<table class="list" data-testid="issue-list"><tr><th>Key</th><th>Type</th><th>Summary</th><th>Status</th><th>Priority</th><th>Assignee</th><th>Created</th></tr>${rows || '<tr><td colspan="7" class="empty">No issues</td></tr>'}</table>
${res.status !== 200 ? `<p class="empty">Search failed: ${esc(res.status)}</p>` : ''}</div></main>`;
  return { status: 200, html: layout(runtime, viewer, `${projectKey} issues`, body, users, path) };
}

export async function homePage(runtime: ForgeRuntime, viewer: Viewer, path: string): Promise<PageResult> {
  const users = await usersFor(runtime);
  const res = await get(runtime, '/rest/api/3/project/search?maxResults=50', actorOf(viewer));
  const projects = Array.isArray(obj(res.body).values) ? (obj(res.body).values as unknown[]).map(obj) : [];
  const items = projects
    .map((p) => {
      const key = esc(p.key);
      return `<tr><td>${key}</td><td><a href="/projects/${key}/issues">${esc(p.name)}</a></td><td><a href="/projects/${key}/apps/incident-desk">Reports</a></td><td><a href="/projects/${key}/settings/apps/incident-desk">Settings</a></td></tr>`;
    })
    .join('');
  const body = `<main><div class="col-main"><h1>Projects</h1>
<table class="list" data-testid="projects"><tr><th>Key</th><th>Name</th><th></th><th></th></tr>${items || '<tr><td colspan="4" class="empty">No projects visible to this user</td></tr>'}</table>
<h2>Emulator</h2><p>Control API under <code>/__emulator</code> (see emulator/README.md): <a href="/__emulator/state">state</a> · <a href="/__emulator/events">events</a></p></div></main>`;
  return { status: 200, html: layout(runtime, viewer, 'Projects', body, users, path) };
}
