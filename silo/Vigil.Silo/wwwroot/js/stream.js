import { session } from './api.js';

// Server-sent events over fetch: EventSource cannot send an Authorization header, and a token in the URL would
// end up in logs. Reconnects with back-off after a network failure or a server error; onOpen runs on every
// (re)connect so the caller can fill any gap. A refusal (4xx) will not get better by retrying: it ends the stream
// and goes to onRefused (a 401 also signs the user out).
export function openStream(path, { onEvent, onState, onOpen, onRefused }) {
  const controller = new AbortController();
  let delay = 1000;

  async function run() {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(path, {
          headers: { Authorization: `Bearer ${session.token}`, Accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (response.status >= 400 && response.status < 500) {
          const body = await response.json().catch(() => null);
          onState?.('off');
          if (response.status === 401) {
            session.token = null;
            window.dispatchEvent(new CustomEvent('vigil:signed-out'));
          }
          onRefused?.(body?.error ?? `The live stream was refused (${response.status}).`);
          return;
        }
        if (!response.ok) throw new Error(`stream answered ${response.status}`);
        delay = 1000;
        await read(response.body.getReader());
      } catch {
        if (controller.signal.aborted) return;
      }
      onState?.('off');
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  function dispatch(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        if (line.slice(1).trim() === 'subscribed') {
          onState?.('on');
          onOpen?.();
        }
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) onEvent?.(name, JSON.parse(data.join('\n')));
  }

  run();
  return () => controller.abort();
}
