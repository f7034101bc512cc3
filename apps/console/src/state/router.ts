import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'queue' }
  | { name: 'intake' }
  | { name: 'integrations' }
  | { name: 'chats' }
  | { name: 'answers' }
  | { name: 'categories' }
  | { name: 'dashboard' }
  | { name: 'teams' }
  | { name: 'on-call' }
  | { name: 'ticket'; ref: string };

const BASE = '/console/';

export function routeOf(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  if (path === 'intake') return { name: 'intake' };
  if (path === 'integrations') return { name: 'integrations' };
  if (path === 'chats') return { name: 'chats' };
  if (path === 'answers') return { name: 'answers' };
  if (path === 'categories') return { name: 'categories' };
  if (path === 'dashboard') return { name: 'dashboard' };
  if (path === 'teams') return { name: 'teams' };
  if (path === 'on-call') return { name: 'on-call' };
  const ticket = /^tickets\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (ticket) return { name: 'ticket', ref: ticket[1] };
  return { name: 'queue' };
}

export function pathOf(route: Route): string {
  if (route.name === 'intake') return `${BASE}intake`;
  if (route.name === 'integrations') return `${BASE}integrations`;
  if (route.name === 'chats') return `${BASE}chats`;
  if (route.name === 'answers') return `${BASE}answers`;
  if (route.name === 'categories') return `${BASE}categories`;
  if (route.name === 'dashboard') return `${BASE}dashboard`;
  if (route.name === 'teams') return `${BASE}teams`;
  if (route.name === 'on-call') return `${BASE}on-call`;
  if (route.name === 'ticket') return `${BASE}tickets/${encodeURIComponent(route.ref)}`;
  return BASE;
}

const listeners = new Set<() => void>();
let current = routeOf(location.pathname);
window.addEventListener('popstate', () => {
  current = routeOf(location.pathname);
  for (const l of listeners) l();
});

export function navigate(route: Route, replace = false): void {
  const path = pathOf(route);
  if (path !== location.pathname) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  current = routeOf(path);
  for (const l of listeners) l();
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
