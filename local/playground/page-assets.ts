import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';

export interface PageAsset {
  body: string;
  contentType: string;
}

/** The page's three files, served from memory; the script is TypeScript turned into plain JavaScript once, at start. */
export class PageAssets {
  private constructor(private readonly byPath: ReadonlyMap<string, PageAsset>) {}

  static async load(folder = join(__dirname, 'page')): Promise<PageAssets> {
    const [html, css, script] = await Promise.all(
      ['index.html', 'app.css', 'app.ts'].map((name) => readFile(join(folder, name), 'utf8')),
    );
    const { code } = await transform(script ?? '', { loader: 'ts', target: 'es2022', format: 'iife' });
    return new PageAssets(
      new Map([
        ['/', { body: html ?? '', contentType: 'text/html; charset=utf-8' }],
        ['/app.css', { body: css ?? '', contentType: 'text/css; charset=utf-8' }],
        ['/app.js', { body: code, contentType: 'text/javascript; charset=utf-8' }],
      ]),
    );
  }

  get(path: string): PageAsset | undefined {
    return this.byPath.get(path);
  }
}
