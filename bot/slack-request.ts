import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseForm } from 'node:querystring';
import type { APIGatewayProxyEvent } from 'aws-lambda';

/** How far a request's timestamp may be from our clock, either way, as Slack recommends for the past. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Why a request was turned away before Bolt saw it, with the status Slack (or a prober) gets. */
export type RequestRejection =
  | { status: 401; reason: 'unsigned' | 'stale' | 'from-the-future' | 'bad-signature' }
  | { status: 400; reason: 'unparseable-body' | 'not-an-object' };

export type RequestCheck = { ok: true; event: APIGatewayProxyEvent } | { ok: false; rejection: RequestRejection };

/**
 * Slack's v0 signature, a timestamp within five minutes of now in either
 * direction, and a body that parses to an object, checked in that order so an
 * unsigned request learns nothing about how its body would have been read.
 * Bolt's receiver checks only the past (a request signed for an hour from now
 * could be replayed for an hour), reads `application/x-www-form-urlencoded;
 * charset=utf-8` as JSON, and fails with a 500 on a body of `null`; the event
 * it gets from here carries the bare media type and a body it can read.
 *
 * @example checkSlackRequest(event, signingSecret, Date.now()) // { ok: false, rejection: { status: 401, reason: 'stale' } }
 */
export function checkSlackRequest(event: APIGatewayProxyEvent, signingSecret: string, nowMs: number): RequestCheck {
  const headers = event.headers ?? {};
  const body = event.body ?? '';
  const signed = signatureCheck(
    body,
    headerOf(headers, 'X-Slack-Request-Timestamp'),
    headerOf(headers, 'X-Slack-Signature'),
    signingSecret,
    nowMs,
  );
  if (signed) return { ok: false, rejection: signed };
  const mediaType = (headerOf(headers, 'Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let parsed: unknown;
  try {
    parsed = parseBody(body, mediaType);
  } catch {
    return { ok: false, rejection: { status: 400, reason: 'unparseable-body' } };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, rejection: { status: 400, reason: 'not-an-object' } };
  }
  const others = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type');
  return { ok: true, event: { ...event, headers: { ...Object.fromEntries(others), 'Content-Type': mediaType } } };
}

function signatureCheck(
  body: string,
  timestamp: string | undefined,
  signature: string | undefined,
  secret: string,
  nowMs: number,
): RequestRejection | undefined {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return { status: 401, reason: 'unsigned' };
  const skew = Number(timestamp) - Math.floor(nowMs / 1000);
  if (skew < -MAX_CLOCK_SKEW_SECONDS) return { status: 401, reason: 'stale' };
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { status: 401, reason: 'from-the-future' };
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 401, reason: 'bad-signature' };
  }
  return undefined;
}

/** As Bolt reads it: interactions come as a form whose `payload` field is JSON, commands as a plain form. */
function parseBody(body: string, mediaType: string): unknown {
  if (mediaType !== 'application/x-www-form-urlencoded') return JSON.parse(body);
  const form = parseForm(body);
  return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
}

function headerOf(headers: APIGatewayProxyEvent['headers'], name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}
