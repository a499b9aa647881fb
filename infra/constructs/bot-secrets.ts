import { Validations, type RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The JSON fields of each secret, as core/secrets-manager-source.ts reads them. An empty field
 * reads as unset: a feature whose secret is still empty stays off.
 */
const SECRET_FIELDS = {
  slack: ['signingSecret', 'botToken'],
  nvidia: ['apiKey'],
  teams: ['appId', 'appPassword', 'tenantId'],
} as const;

export type SecretKind = keyof typeof SECRET_FIELDS;

/** A secret's name: the stack's name, a slash, the platform, e.g. `AnalyticsBot/slack`. */
export function secretName(namePrefix: string, kind: SecretKind): string {
  return `${namePrefix}/${kind}`;
}

export interface BotSecretsProps {
  key: IKey;
  /** Prefix of the secret names, e.g. `AnalyticsBot` → `AnalyticsBot/slack`. */
  namePrefix: string;
  removalPolicy: RemovalPolicy;
}

/**
 * One secret per platform, encrypted with the stack's key. They are created holding empty fields;
 * the operator puts the real values with `aws secretsmanager put-secret-value` after the first deploy.
 */
export class BotSecrets extends Construct {
  readonly secrets: Record<SecretKind, Secret>;

  constructor(scope: Construct, id: string, props: BotSecretsProps) {
    super(scope, id);
    const secret = (kind: SecretKind, description: string): Secret => {
      const empty = Object.fromEntries(SECRET_FIELDS[kind].map((field) => [field, '']));
      const created = new Secret(this, kind, {
        secretName: secretName(props.namePrefix, kind),
        description: `${description}: JSON ${JSON.stringify(empty)}`,
        encryptionKey: props.key,
        // A generated template, not a literal SecretString: CloudFormation writes a literal back on
        // any later update of the resource, which would wipe the values the operator put.
        generateSecretString: {
          secretStringTemplate: JSON.stringify(empty),
          generateStringKey: 'placeholder',
          excludePunctuation: true,
        },
        removalPolicy: props.removalPolicy,
      });
      Validations.of(created).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'The values are issued by Slack, NVIDIA and Microsoft, which offer no API a rotation Lambda could call; they are rotated in those consoles and put here with put-secret-value (README, "Deploy to AWS"). The functions cache them for 5 minutes, so a rotated value takes effect without a deploy.',
      });
      return created;
    };
    this.secrets = {
      slack: secret('slack', 'Slack signing secret and bot token of the analytics bot'),
      nvidia: secret('nvidia', 'NVIDIA API key for Nemotron'),
      teams: secret('teams', 'Microsoft Teams (Bot Framework) app id, password and tenant id'),
    };
  }
}
