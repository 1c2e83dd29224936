import {
  defaultFieldResolver, getNamedType, isAbstractType, isObjectType, Kind, TypeInfo, visit, visitWithTypeInfo,
  type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { IRules } from 'graphql-shield';

/**
 * Deciding an operation's permissions once, before it runs, instead of once per resolved field.
 *
 * graphql-shield evaluates a field's rule every time the field resolves: a diary week is ~600
 * fields, each turned into a chain of promises (and every promise pays for the async-context
 * hooks MikroORM's transactions switch on). That was the largest part of a diary's CPU. But our
 * rules read only the viewer (permissions/rules.ts; checked here, rule by rule), so a field's
 * verdict is the same for every row it resolves on in one request. So before executing, the
 * distinct rules of every field the document selects are evaluated once with the request's
 * context; when all of them say yes, the fields resolve without the shield middleware, as shield
 * itself would let them. If any rule says no, or errs, or is not context-only, or a field has
 * no rule, nothing changes: the operation runs through graphql-shield field by field, with its
 * usual per-field errors. Subscriptions always run through graphql-shield (their events are
 * authorized one by one).
 */

/** What graphql-shield's rules (plain and logic) have in common, as far as this file needs. */
interface ShieldRule {
  resolve(parent: unknown, args: unknown, ctx: unknown, info: unknown, options: unknown): Promise<unknown>;
  cache?: unknown;
  rules?: ShieldRule[];
}

/** A context-cached plain rule, or and/or/not/chain/race/allow/deny of such rules. */
export function isContextOnly(rule: ShieldRule): boolean {
  if (Array.isArray(rule.rules)) return rule.rules.every(isContextOnly);
  return rule.cache === 'contextual';
}

const NOT_PREAUTHORIZABLE = null;

/** The request context's part this file reads and writes. */
export interface PreauthorizableContext {
  _shield?: { cache: Record<string, unknown> };
  /** The operation whose every field's rule said yes for this request's viewer. */
  preauthorizedOperation?: OperationDefinitionNode;
}

export class Preauthorization {
  /** Per parsed document (Apollo keeps one per query text): the distinct rules its fields need, or null. */
  private readonly rulesOfDocument = new WeakMap<DocumentNode, ShieldRule[] | null>();

  /** `options`: what graphql-shield was given (rules read only `debug`). */
  constructor(private readonly schema: GraphQLSchema, private readonly rules: IRules, private readonly options: object) {}

  /** Off: every operation runs through graphql-shield field by field (for comparing, and a way back). */
  enabled = true;
  /** Operations decided, and those of them that ran preauthorized. */
  readonly stats = { decided: 0, preauthorized: 0 };

  /**
   * Wraps every field resolver of the shielded schema (in place): a preauthorized operation calls
   * the field's own resolver, anything else the shielded one. `bare` is the schema before shield.
   */
  install(bare: GraphQLSchema): void {
    const subscriptionType = this.schema.getSubscriptionType();
    for (const type of Object.values(this.schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type === subscriptionType) continue;
      const bareType = bare.getType(type.name);
      if (!isObjectType(bareType)) continue;
      for (const [name, field] of Object.entries(type.getFields())) {
        const shielded = field.resolve;
        const own: GraphQLFieldResolver<unknown, PreauthorizableContext> = bareType.getFields()[name]?.resolve ?? defaultFieldResolver;
        if (!shielded) continue;
        field.resolve = (parent, args, ctx: PreauthorizableContext, info) =>
          ctx.preauthorizedOperation === info.operation ? own(parent, args, ctx, info) : shielded(parent, args, ctx, info);
      }
    }
  }

  /** Decides each HTTP operation once its document and operation are known. */
  plugin<C extends PreauthorizableContext>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ document, operation, contextValue }) => {
          if (operation) await this.decide(document, operation, contextValue);
        },
      }),
    };
  }

  /** Marks the context when every field of the operation's document passes its rule for this viewer. */
  async decide(document: DocumentNode, operation: OperationDefinitionNode, ctx: PreauthorizableContext): Promise<boolean> {
    if (!this.enabled || operation.operation === 'subscription') return false;
    this.stats.decided += 1;
    let rules = this.rulesOfDocument.get(document);
    if (rules === undefined) {
      rules = this.collectRules(document);
      this.rulesOfDocument.set(document, rules);
    }
    if (!rules) return false;
    ctx._shield ??= { cache: {} };
    for (const rule of rules) {
      let verdict: unknown;
      try {
        verdict = await rule.resolve(undefined, {}, ctx, undefined, this.options);
      } catch {
        return false;
      }
      if (verdict !== true) return false;
    }
    ctx.preauthorizedOperation = operation;
    this.stats.preauthorized += 1;
    return true;
  }

  /** The distinct rules of every field selected anywhere in the document, or null if one cannot be decided up front. */
  private collectRules(document: DocumentNode): ShieldRule[] | null {
    const found = new Set<ShieldRule>();
    let decidable = true;
    const typeInfo = new TypeInfo(this.schema);
    visit(document, visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => {
        if (node.name.value.startsWith('__')) return;
        const parent = typeInfo.getParentType();
        if (!parent) { decidable = false; return; }
        const concrete = isAbstractType(parent) ? this.schema.getPossibleTypes(parent) : [getNamedType(parent)];
        for (const type of concrete) {
          const rule = this.ruleOf(type.name, node.name.value);
          // A field a concrete type lacks is not selected on it (validation has passed).
          if (rule === undefined && isObjectType(type) && !type.getFields()[node.name.value]) continue;
          if (!rule || !isContextOnly(rule)) decidable = false;
          else found.add(rule);
        }
      },
    }));
    return decidable ? [...found] : NOT_PREAUTHORIZABLE;
  }

  private ruleOf(typeName: string, fieldName: string): ShieldRule | undefined {
    const ofType = (this.rules as Record<string, unknown>)[typeName];
    if (!ofType || typeof ofType !== 'object') return undefined;
    return (ofType as Record<string, ShieldRule | undefined>)[fieldName];
  }
}
