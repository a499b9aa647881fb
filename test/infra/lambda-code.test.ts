import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { builtLocally } from '../../infra/assets/lambda-code';

describe('locally built assets', () => {
  it('are built on this machine, not in Docker, and each into its own asset (the cache once merged them)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-assets-'));
    try {
      const stack = new Stack(new App({ outdir }), 'Assets');
      const built: string[] = [];
      for (const name of ['first', 'second']) {
        new LambdaFunction(stack, name, {
          runtime: Runtime.NODEJS_22_X,
          handler: 'index.handler',
          code: builtLocally(name, (dir) => {
            built.push(name);
            fs.writeFileSync(path.join(dir, 'index.js'), `exports.handler = async () => '${name}';`);
          }),
        });
      }

      const functions = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function')) as {
        Properties: { Code: { S3Key: unknown } };
      }[];

      expect(built).toEqual(['first', 'second']);
      expect(new Set(functions.map((fn) => JSON.stringify(fn.Properties.Code.S3Key))).size).toBe(2);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
