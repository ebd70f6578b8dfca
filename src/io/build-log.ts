import type { AstroLoggerDestination } from 'astro';
import nodeLogger, { type NodeHandlerConfig } from 'astro/logger/node';
import { buildLogFilter } from '../lib/build-log.ts';

/**
 * The site's log destination (astro.config.mjs `logger`): Astro's own terminal output, with the
 * route list of a build made readable (src/lib/build-log.ts).
 */
export default function buildLog(config: NodeHandlerConfig = {}): AstroLoggerDestination {
  const terminal = nodeLogger(config);
  const filter = buildLogFilter();
  return {
    write(event) {
      for (const line of filter(event)) terminal.write(line);
    },
    flush: () => terminal.flush?.(),
    close: () => terminal.close?.(),
  };
}
