import { describe, expect, it } from 'vitest';
import { parseQueueUrl, QueueUrlError, redactQueueUrl } from '../../../../src/node/queue/connection';

describe('queue URL', () => {
  it('never shows the password', () => {
    const url = parseQueueUrl('redis://oit:s3cret@redis.example:6380/4');
    expect(redactQueueUrl(url)).toBe('redis://oit:***@redis.example:6380/4');
    expect(redactQueueUrl(url)).not.toContain('s3cret');
    expect(url.password).toBe('s3cret');
    expect(redactQueueUrl(parseQueueUrl('redis://127.0.0.1:6379/0'))).toBe('redis://127.0.0.1:6379/0');
  });

  it('takes the password from the environment when the URL has none', () => {
    const url = parseQueueUrl('redis://127.0.0.1:6379/0', 'p@ss word');
    expect(decodeURIComponent(url.password)).toBe('p@ss word');
    expect(redactQueueUrl(url)).toBe('redis://:***@127.0.0.1:6379/0');
    expect(parseQueueUrl('redis://:inurl@h/0', 'env').password).toBe('inurl');
  });

  it('rejects what is not a Redis URL, saying why', () => {
    expect(() => parseQueueUrl('127.0.0.1:6379')).toThrow(QueueUrlError);
    expect(() => parseQueueUrl('http://127.0.0.1:6379/0')).toThrow(/http: is not a Redis URL/);
    expect(() => parseQueueUrl('redis://127.0.0.1:6379/queue')).toThrow(/not a database number/);
    expect(() => parseQueueUrl('rediss://redis.example:6380/1')).not.toThrow();
  });
});
