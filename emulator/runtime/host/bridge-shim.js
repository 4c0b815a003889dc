/**
 * The host side of @forge/bridge for the local Jira site. The server inlines this function as the
 * FIRST script in <head> of every Custom UI frame as `(installForgeBridgeShim)(window, config)`, so
 * `globalThis.__bridge.callBridge` exists before the page's bundle (and @forge/bridge) loads.
 * It takes the window as a parameter so tests can run the same code in Node against a fake window.
 *
 * config: { endpoint: string, frame: string, frameId: string, urls: { issue, projectSettings, module } }
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the inline script the server appends
function installForgeBridgeShim(win, config) {
  'use strict';
  var listeners = {};
  var flags = 0;

  function post(method, payload) {
    return win
      .fetch(config.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ frame: config.frame, method: method, payload: payload === undefined ? null : payload }),
      })
      .then(function (res) {
        return res.text().then(function (text) {
          var body = text ? JSON.parse(text) : {};
          if (!res.ok) {
            var err = new Error((body.error && body.error.message) || 'Bridge call ' + method + ' failed with ' + res.status);
            err.name = (body.error && body.error.name) || 'BridgeAPIError';
            throw err;
          }
          return body.result;
        });
      });
  }

  function toParent(message) {
    try {
      if (win.parent && win.parent !== win) {
        message.__forgeEmulator = true;
        message.frameId = config.frameId;
        win.parent.postMessage(message, '*');
      }
    } catch {
      // a detached frame has no parent to tell; the call itself still succeeds
    }
  }

  function urlFor(location) {
    if (typeof location === 'string') return location;
    switch (location && location.target) {
      case 'issue':
        return config.urls.issue.replace('{issueKey}', encodeURIComponent(location.issueKey));
      case 'projectSettingsDetails':
        return config.urls.projectSettings.replace('{projectKey}', encodeURIComponent(location.projectKey));
      case 'module':
        return config.urls.module.replace('{moduleKey}', encodeURIComponent(location.moduleKey)) + (location.projectKey ? '?project=' + encodeURIComponent(location.projectKey) : '');
      case 'userProfile':
        return '/people/' + encodeURIComponent(location.accountId);
      case 'dashboard':
        return '/dashboards/' + encodeURIComponent(location.dashboardId);
      default:
        throw new Error('The emulator cannot navigate to target ' + JSON.stringify(location));
    }
  }

  function absolute(url) {
    return new win.URL(url, win.location.href).toString();
  }

  function memoryHistory() {
    var subscribers = [];
    var history = {
      action: 'POP',
      location: { pathname: '/' + (config.route || ''), search: '', hash: '', state: null, key: 'initial' },
      listen: function (cb) {
        subscribers.push(cb);
        return function () {
          subscribers = subscribers.filter(function (s) {
            return s !== cb;
          });
        };
      },
      push: function (path, state) {
        move('PUSH', path, state);
      },
      replace: function (path, state) {
        move('REPLACE', path, state);
      },
      go: function () {},
      back: function () {},
      forward: function () {},
    };
    function move(action, path, state) {
      var to = typeof path === 'string' ? { pathname: path.split('?')[0], search: path.indexOf('?') >= 0 ? '?' + path.split('?')[1] : '' } : path;
      history.action = action;
      history.location = { pathname: to.pathname || '/', search: to.search || '', hash: to.hash || '', state: state === undefined ? null : state, key: String(Date.now()) };
      toParent({ type: 'route', pathname: history.location.pathname });
      subscribers.slice().forEach(function (cb) {
        cb(history.location, action);
      });
    }
    return history;
  }

  win.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || !data.__forgeEmulatorEvent) return;
    (listeners[data.event] || []).slice().forEach(function (cb) {
      cb(data.payload);
    });
  });

  function callBridge(method, payload) {
    switch (method) {
      case 'getContext':
      case 'invoke':
      case 'fetchProduct':
      case 'submit':
        return post(method, payload);
      case 'showFlag':
        flags += 1;
        toParent({ type: 'showFlag', options: payload });
        return post('record', { method: method, payload: payload }).then(function () {
          return flags;
        });
      case 'closeFlag':
        toParent({ type: 'closeFlag', id: payload && payload.id });
        return Promise.resolve(undefined);
      case 'getUrl':
        return Promise.resolve(absolute(urlFor(payload)));
      case 'navigate': {
        var url = absolute(payload.url !== undefined ? payload.url : urlFor(payload));
        return post('record', { method: method, payload: { url: url, type: payload.type } }).then(function () {
          if (payload.type === 'new-tab') win.open(url, '_blank');
          else if (win.top) win.top.location.assign(url);
          else win.location.assign(url);
        });
      }
      case 'reload':
        (win.top || win).location.reload();
        return Promise.resolve(undefined);
      case 'enableTheming':
        return post('getContext').then(function (context) {
          var mode = (context && context.theme && context.theme.colorMode) || 'light';
          var root = win.document && win.document.documentElement;
          if (root) {
            root.setAttribute('data-color-mode', mode);
            root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
          }
        });
      case 'on': {
        var name = payload.event;
        (listeners[name] = listeners[name] || []).push(payload.callback);
        return Promise.resolve({
          unsubscribe: function () {
            listeners[name] = (listeners[name] || []).filter(function (cb) {
              return cb !== payload.callback;
            });
          },
        });
      }
      case 'emit':
      case 'emitPublic':
        toParent({ type: 'emit', event: payload.event, payload: payload.payload });
        return Promise.resolve(undefined);
      case 'onPublic':
        return callBridge('on', payload);
      case 'refresh':
        toParent({ type: 'refresh' });
        return Promise.resolve(true);
      case 'close':
      case 'open':
      case 'onClose':
        // Only modals and custom-field editors are closable; the emulator's frames are inline views.
        return post('record', { method: method, payload: payload }).then(function () {
          return config.closable === true;
        });
      case 'createHistory':
        return Promise.resolve(memoryHistory());
      case 'changeWindowTitle':
        toParent({ type: 'title', title: payload });
        return Promise.resolve(undefined);
      case 'emitReadyEvent':
      case 'initFeatureFlags':
      case 'emitFrontendCustomMetric':
        return Promise.resolve(undefined);
      case 'getCookieConsentPreferences':
        return Promise.resolve({ strictlyNecessary: true, functional: true, analytics: false, marketing: false });
      case 'isRovoEnabled':
        return Promise.resolve(false);
      default:
        return Promise.reject(new Error('callBridge("' + method + '") is not supported by the local Jira site emulator'));
    }
  }

  win.__bridge = { callBridge: callBridge };
  return win.__bridge;
}
