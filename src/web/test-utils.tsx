/**
 * Helpers for the jsdom tests of pages (not a test file): the app's providers around a component, and an HTTP stub
 * that answers the routes a test declares and fails the test on any other request (like MSW's
 * `onUnhandledRequest: 'error'`).
 */
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { QueryClient } from '@tanstack/react-query';
import { AppProviders } from './app-providers.js';
import { setFetch } from './api/client.js';

export interface StubCall { method: string; url: string; body: unknown }
export type StubHandler = (call: StubCall) => { status?: number; body?: unknown };

/** Installs a fetch stub: `routes` maps "METHOD /path" to a handler; unhandled requests throw. */
export function stubApi(routes: Record<string, StubHandler>): StubCall[] {
  const calls: StubCall[] = [];
  setFetch(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const call = { method, url, body };
    calls.push(call);
    const key = `${method} ${url.split('?')[0]}`;
    const handler = routes[key];
    if (!handler) throw new Error(`测试未声明的请求：${key}`);
    const r = handler(call);
    return new Response(r.body === undefined ? '' : JSON.stringify(r.body), { status: r.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

export function renderWithApp(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
}
