import { describe, expect, it } from 'vitest';
import { firstLoadFiles } from './bundle-size';

describe('bundle guard', () => {
  it('counts the entry script and its preloaded chunks, the stylesheet apart, and not the manifest', () => {
    const html = `<script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/page-B.js">
    <link rel="stylesheet" crossorigin href="/assets/index-C.css">
    <link rel="manifest" href="/manifest.webmanifest">`;
    expect(firstLoadFiles(html)).toEqual({ scripts: ['/assets/index-A.js', '/assets/page-B.js'], styles: ['/assets/index-C.css'] });
  });
});
