import { DomainError } from '../errors.js';
import { OUTCOMES_2008, OUTCOME_LABELS, type Outcome } from '../requests/outcomes.js';
import { isIsoDate } from '../types.js';
import { citeAll, ogi, ogi2008, type Provision } from './citations.js';
import { endWithPeriod, formatChineseDate } from './format.js';
import {
  PARTIAL_WITHHELD_GROUNDS, PARTIAL_WITHHELD_GROUND_LABELS, isPartialWithheldGround,
  type NoticeInput, type NoticeParagraph, type PartialWithheldGround, type WithheldOutcome,
} from './types.js';

/**
 * The body of a 答复书 for each outcome (DESIGN.md outcome table; legal-facts §2.4 for the article of each row):
 * facts, reasons where the law requires them, and one legal-basis paragraph citing article AND item.
 * The opening, remedy and closing are added by `buildNotice`.
 */
export interface ReplyBody {
  paragraphs: NoticeParagraph[];
  /** Provisions cited, in order (become `legalCitations`). */
  provisions: Provision[];
  /** Free-text citations supplied by the handler (e.g. the law that forbids disclosure). */
  extraCitations: string[];
}

export interface ReplyContext {
  input: NoticeInput;
  /** 您 / 贵单位. */
  pronoun: string;
}

const body = (text: string): NoticeParagraph => ({ kind: 'body', text });
const reasonsParagraph = (label: string, text: string): NoticeParagraph => ({ kind: 'reasons', text: `${label}${endWithPeriod(text)}` });

/** Chinese names of the free-text fields of the input, for refusals that name the field. */
const FIELD_LABELS: Record<string, string> = {
  reasons: '理由', legalBasis: '法律依据',
  'provision.method': '提供方式', 'provision.way': '获取途径', 'provision.time': '获取时间',
  'partial.disclosedPart': '可以公开的部分', 'partial.withheldPart': '不予公开的部分',
  'previousReply.repliedOn': '此前答复日期', 'previousReply.docNumber': '此前答复文号',
  'otherAgency.name': '负责公开该信息的机关名称', 'otherAgency.contact': '负责公开该信息的机关联系方式',
};

/**
 * The trimmed text of an optional field ('' when absent). The input may come from a stored event payload, so a
 * non-string (a number, an object…) is refused with VALIDATION naming `field`, never a TypeError.
 */
function trimmed(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new DomainError('VALIDATION', `${FIELD_LABELS[field] ?? field}（${field}）须为文字`, { field });
  return value.trim();
}

/** An optional sub-object of the input (`{}` when absent); a string, number or list is refused naming `field`. */
function section<T extends object>(value: T | undefined, field: string, what: string): Partial<T> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new DomainError('VALIDATION', `${what}（${field}）须为对象`, { field });
  return value;
}

function need(value: string | undefined, outcome: Outcome, what: string, field: string): string {
  const v = trimmed(value, field);
  if (v === '') {
    throw new DomainError('VALIDATION', `办理结果为“${OUTCOME_LABELS[outcome]}”的答复书必须${what}`, { outcome, field });
  }
  return v;
}

/**
 * The laws other than the 条例 named in the draft's legal basis (the law that forbids disclosure, the special law
 * of Art.36(七)). The 条例's own articles are generated from the outcome (one source for the preview and the issued
 * notice), so segments that cite the 条例 are dropped: a draft pre-filled with "《…条例》第十四条、第三十六条第（三）项；
 * 《档案法》" no longer prints the 条例 articles twice.
 */
export function otherLawOf(legalBasis: string): string {
  return legalBasis
    .split(/[；;\n]+/)
    .map((s) => s.trim().replace(/^(?:和|及|以及)/, '').trim())
    .filter((s) => s !== '' && !/^(?:《中华人民共和国政府信息公开条例》|《政府信息公开条例》|条例|第[一二三四五六七八九十百零〇\d]+条)/.test(s))
    .join('；');
}

/** The legal-basis paragraph: "根据<citations>的规定，<decision>。" */
function basis(provisions: readonly Provision[], decision: string, prefix?: string): NoticeParagraph {
  const cited = citeAll(provisions);
  return { kind: 'legal_basis', text: `根据${prefix ? `${prefix}和` : ''}${cited}的规定，${decision}。` };
}

function provisionParagraphs(input: NoticeInput, outcome: Outcome): NoticeParagraph[] {
  const p = section(input.provision, 'provision', '提供方式');
  const lines: string[] = [];
  const method = trimmed(p.method, 'provision.method');
  const way = trimmed(p.way, 'provision.way');
  const time = trimmed(p.time, 'provision.time');
  if (method) lines.push(`提供方式：${endWithPeriod(method)}`);
  if (way) lines.push(`获取途径：${endWithPeriod(way)}`);
  if (time) lines.push(`获取时间：${endWithPeriod(time)}`);
  if (lines.length === 0) {
    throw new DomainError(
      'VALIDATION',
      `办理结果为“${OUTCOME_LABELS[outcome]}”的答复书必须写明提供政府信息的方式，或者获取该政府信息的方式、途径和时间（条例第三十六条第（二）项）`,
      { outcome },
    );
  }
  return [body(lines.join(''))];
}

function otherAgencyText(input: NoticeInput): string | null {
  const a = section(input.otherAgency, 'otherAgency', '负责公开该信息的机关');
  const name = trimmed(a.name, 'otherAgency.name');
  if (name === '') return null;
  const contact = trimmed(a.contact, 'otherAgency.contact');
  return `负责公开该政府信息的行政机关为${name}${contact ? `，联系方式：${contact}` : ''}。`;
}

/** Ground of each withheld outcome (条例 2019): the fact stated and the provisions of the ground. */
const WITHHELD_GROUNDS: Record<Exclude<WithheldOutcome, 'withheld_query_matter'>, { fact: string; provisions: Provision[] }> = {
  withheld_state_secret: { fact: '属于依法确定为国家秘密的政府信息', provisions: [ogi(14)] },
  withheld_prohibited_by_law: { fact: '属于法律、行政法规禁止公开的政府信息', provisions: [ogi(14)] },
  withheld_security_stability: { fact: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', provisions: [ogi(14)] },
  withheld_third_party: { fact: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', provisions: [ogi(15)] },
  withheld_internal_affairs: { fact: '属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）', provisions: [ogi(16, { paragraph: 1 })] },
  withheld_process_info: {
    fact: '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    provisions: [ogi(16, { paragraph: 2 })],
  },
  withheld_enforcement_file: { fact: '属于行政执法案卷信息', provisions: [ogi(16, { paragraph: 2 })] },
};

/**
 * The grounds of the withheld part of a partial disclosure (`partial.withheldGrounds`, or the older single
 * `partial.withheldGround`). They come from the event payload, so each is checked as a known code (never looked up
 * on Object.prototype); none given, or an unknown value, is refused naming the field (Art.37: the withheld part
 * must be explained, and its ground decides the legal basis and the remedy).
 */
export function partialWithheldGrounds(partial: NoticeInput['partial'] | undefined): PartialWithheldGround[] {
  const p = section(partial, 'partial', '部分公开情况');
  const raw: unknown[] = p.withheldGrounds !== undefined && p.withheldGrounds !== null
    ? (Array.isArray(p.withheldGrounds) ? p.withheldGrounds : [p.withheldGrounds])
    : p.withheldGround === undefined || p.withheldGround === null || (p.withheldGround as unknown) === '' ? [] : [p.withheldGround];
  const valid = PARTIAL_WITHHELD_GROUNDS.map((g) => PARTIAL_WITHHELD_GROUND_LABELS[g]).join('、');
  for (const g of raw) {
    if (!isPartialWithheldGround(g)) {
      throw new DomainError('VALIDATION', `不予公开部分的依据（partial.withheldGround）“${String(g)}”无效，应为：${valid}`, { field: 'partial.withheldGround' });
    }
  }
  const grounds = [...new Set(raw as PartialWithheldGround[])];
  if (grounds.length === 0) {
    throw new DomainError('VALIDATION', `部分公开的答复书必须写明不予公开部分的依据（partial.withheldGrounds），可选：${valid}（条例第三十七条）`, { field: 'partial.withheldGrounds' });
  }
  return grounds;
}

/** Provisions of one ground of the withheld part: Arts.14–16, Art.36(七), or Art.2 (不属于政府信息). */
function withheldGroundProvisions(ground: PartialWithheldGround): Provision[] {
  if (ground === 'withheld_query_matter') return [ogi(36, { item: 7 })];
  if (ground === 'not_government_info') return [ogi(2)];
  return WITHHELD_GROUNDS[ground].provisions;
}

/** Builds the reply body for `outcome`; throws VALIDATION (Chinese, naming the missing item) when the law needs more. */
export function buildReplyBody(outcome: Outcome, regime: '2008' | '2019', ctx: ReplyContext): ReplyBody {
  const isLegacyCode = (OUTCOMES_2008 as readonly string[]).includes(outcome);
  if (regime === '2019' && isLegacyCode) {
    throw new DomainError(
      'VALIDATION',
      `“${OUTCOME_LABELS[outcome]}”是2008年条例（国务院令第492号）的答复类型，2019年5月15日以后收到的申请请选择现行条例的办理结果`,
      { outcome },
    );
  }
  if (regime === '2008' && !isLegacyCode && !['already_public', 'disclosed', 'partly_disclosed'].includes(outcome)) {
    throw new DomainError(
      'VALIDATION',
      `“${OUTCOME_LABELS[outcome]}”是2019年修订条例的办理结果；2019年5月15日前收到的申请适用2008年条例，请选择2008年条例的答复类型（如“不同意公开-涉及国家秘密”“申请信息不存在”）`,
      { outcome },
    );
  }
  return regime === '2019' ? reply2019(outcome, ctx) : reply2008(outcome, ctx);
}

function reply2019(outcome: Outcome, { input, pronoun: P }: ReplyContext): ReplyBody {
  const paragraphs: NoticeParagraph[] = [];
  const provisions: Provision[] = [];
  const extraCitations: string[] = [];
  const reasons = trimmed(input.reasons, 'reasons');
  const optionalReasons = (label: string) => {
    if (reasons) paragraphs.push(reasonsParagraph(label, reasons));
  };
  const cite = (list: Provision[], decision: string, prefix?: string) => {
    provisions.push(...list);
    paragraphs.push(basis(list, decision, prefix));
  };

  switch (outcome) {
    case 'already_public': {
      const way = need(section(input.provision, 'provision', '提供方式').way, outcome, '写明获取该政府信息的方式、途径（如网址、栏目或公报期号）（条例第三十六条第（一）项）', 'provision.way');
      paragraphs.push(body(`经查，${P}申请获取的政府信息本机关已经主动公开。`));
      cite([ogi(36, { item: 1 })], `现告知${P}获取该政府信息的方式、途径`);
      paragraphs.push(body(`获取方式、途径：${endWithPeriod(way)}`));
      break;
    }
    case 'disclosed': {
      const provided = provisionParagraphs(input, outcome);
      paragraphs.push(body(`经审查，${P}申请获取的政府信息属于可以公开的政府信息。`));
      cite([ogi(36, { item: 2 })], '本机关决定予以公开');
      paragraphs.push(...provided);
      break;
    }
    case 'partly_disclosed': {
      const why = need(input.reasons, outcome, '对不予公开的部分说明理由（条例第三十七条）', 'reasons');
      const provided = provisionParagraphs(input, outcome);
      const part = section(input.partial, 'partial', '部分公开情况');
      const disclosedPart = trimmed(part.disclosedPart, 'partial.disclosedPart');
      const withheldPart = trimmed(part.withheldPart, 'partial.withheldPart');
      let fact = `经审查，${P}申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。`;
      if (disclosedPart) fact += `其中，${disclosedPart}可以公开`;
      if (withheldPart) fact += `${disclosedPart ? '；' : '其中，'}${withheldPart}不予公开`;
      paragraphs.push(body(endWithPeriod(fact)));
      paragraphs.push(reasonsParagraph('不予公开部分的理由：', why));
      const groundProvisions = partialWithheldGrounds(input.partial).flatMap(withheldGroundProvisions);
      cite([...groundProvisions, ogi(37)], `本机关向${P}提供可以公开的政府信息内容，对不予公开的内容说明理由如上`);
      paragraphs.push(...provided);
      break;
    }
    case 'withheld_state_secret':
    case 'withheld_prohibited_by_law':
    case 'withheld_security_stability':
    case 'withheld_third_party':
    case 'withheld_internal_affairs':
    case 'withheld_process_info':
    case 'withheld_enforcement_file': {
      const why = need(input.reasons, outcome, '说明不予公开的理由（条例第三十六条第（三）项）', 'reasons');
      const ground = WITHHELD_GROUNDS[outcome];
      let prefix: string | undefined;
      if (outcome === 'withheld_prohibited_by_law') {
        prefix = need(otherLawOf(trimmed(input.legalBasis, 'legalBasis')), outcome, '写明禁止公开该信息的法律、行政法规名称及条款（legalBasis），例如“《中华人民共和国统计法》第三十九条”（条例的条款由系统生成）', 'legalBasis');
        extraCitations.push(prefix);
      }
      paragraphs.push(body(`经审查，${P}申请获取的政府信息${ground.fact}。`));
      const list = [...ground.provisions];
      if (outcome === 'withheld_third_party') {
        const response = input.thirdParty?.response;
        if (response === 'objected') {
          paragraphs.push(body(`本机关已依法书面征求第三方意见，第三方不同意公开且有合理理由。`));
          list.push(ogi(32));
        } else if (response === 'no_reply') {
          paragraphs.push(body(`本机关已依法书面征求第三方意见，第三方逾期未提出意见，本机关依照条例的规定决定是否公开。`));
          list.push(ogi(32));
        }
      }
      paragraphs.push(reasonsParagraph('不予公开的理由：', why));
      cite([...list, ogi(36, { item: 3 })], '本机关决定不予公开', prefix);
      break;
    }
    case 'withheld_query_matter': {
      // Art.36(七) is a referral to the special procedure, not a refusal under Arts.14–16 (so no 复议前置).
      const why = need(input.reasons, outcome, '说明该信息的获取适用何种特别规定及办理方式（条例第三十六条第（七）项）', 'reasons');
      const special = need(otherLawOf(trimmed(input.legalBasis, 'legalBasis')), outcome, '写明对该信息的获取有特别规定的法律、行政法规（legalBasis），例如“《不动产登记暂行条例》第二十七条”（条例的条款由系统生成）', 'legalBasis');
      extraCitations.push(special);
      paragraphs.push(body(`经审查，${P}申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对该类信息的获取有特别规定。`));
      paragraphs.push(reasonsParagraph('具体说明：', why));
      cite([ogi(36, { item: 7 })], `请${P}依照${special}的规定办理`);
      const other = otherAgencyText(input);
      if (other) paragraphs.push(body(other.replace('负责公开该政府信息的行政机关', '受理该事项的机关')));
      break;
    }
    case 'unavailable_not_held': {
      const variant = input.notHeld ?? (otherAgencyText(input) ? 'not_responsible' : 'not_exist');
      if (variant === 'not_exist') {
        paragraphs.push(body(`经检索，本机关未制作或者获取${P}申请公开的政府信息，该政府信息不存在。`));
        optionalReasons('检索情况：');
        cite([ogi(36, { item: 4 })], `现告知${P}该政府信息不存在`);
      } else {
        const why = need(input.reasons, outcome, '说明不属于本机关负责公开的理由（条例第三十六条第（五）项）', 'reasons');
        paragraphs.push(body(`经审查，${P}申请公开的政府信息不属于本机关负责公开。`));
        paragraphs.push(reasonsParagraph('理由：', why));
        cite([ogi(36, { item: 5 })], `现予告知`);
        const other = otherAgencyText(input);
        if (other) paragraphs.push(body(other));
      }
      break;
    }
    case 'unavailable_needs_creation':
      paragraphs.push(body(`经审查，${P}申请获取的信息本机关没有现成的政府信息，需要本机关对现有政府信息进行加工、分析方能形成。`));
      optionalReasons('具体说明：');
      cite([ogi(38)], `本机关无法向${P}提供`);
      break;
    case 'unavailable_unclear': {
      // None of the seven items of Art.36 covers a request still unclear after 补正, so Art.36 is not cited (its
      // chapeau without an item named no ground). The ground is that the request still lacks what Art.29 ¶2 (二)
      // requires (名称、文号或者便于查询的其他特征性描述) after the one-time 补正 of Art.30 [I; report row 三（四）3].
      const on = input.dates.supplementRequestedOn;
      paragraphs.push(
        body(`本机关${on ? `已于${formatChineseDate(on)}` : '已'}告知${P}对申请内容作出补正。经审查，${P}补正后的申请内容仍不明确，本机关无法确定${P}所申请公开的政府信息。`),
      );
      optionalReasons('具体说明：');
      cite([ogi(29, { paragraph: 2, item: 2 }), ogi(30)], `本机关无法向${P}提供`);
      break;
    }
    case 'not_processed_petition': {
      paragraphs.push(body(`经审查，${P}提出的申请实质上是以政府信息公开申请的形式进行信访、投诉、举报等活动。`));
      optionalReasons('具体说明：');
      const way = trimmed(section(input.provision, 'provision', '提供方式').way, 'provision.way');
      cite([ogi(39, { paragraph: 1 })], `本机关不作为政府信息公开申请处理${way ? `，${P}可以通过${way.replace(/[。；]$/, '')}提出` : ''}`);
      break;
    }
    case 'not_processed_duplicate': {
      const prev = section(input.previousReply, 'previousReply', '此前的答复');
      const repliedOn = trimmed(prev.repliedOn, 'previousReply.repliedOn');
      if (repliedOn === '') {
        throw new DomainError('VALIDATION', '办理结果为“不予处理-重复申请”的答复书必须写明此前作出答复的日期（previousReply.repliedOn）（条例第三十六条第（六）项）', { outcome, field: 'previousReply.repliedOn' });
      }
      if (!isIsoDate(repliedOn)) {
        throw new DomainError('VALIDATION', `此前答复日期（previousReply.repliedOn）“${repliedOn}”不是有效日期，请按 YYYY-MM-DD 填写`, { field: 'previousReply.repliedOn' });
      }
      const docNo = trimmed(prev.docNumber, 'previousReply.docNumber');
      paragraphs.push(
        body(`本机关已于${formatChineseDate(repliedOn)}就${P}提出的政府信息公开申请作出答复${docNo ? `（${docNo}）` : ''}，${P}本次申请系重复申请公开相同的政府信息。`),
      );
      cite([ogi(36, { item: 6 })], '本机关不予重复处理');
      break;
    }
    case 'not_processed_publication': {
      const way = trimmed(section(input.provision, 'provision', '提供方式').way, 'provision.way');
      paragraphs.push(body(`经审查，${P}申请获取的是政府公报、报刊、书籍等公开出版物。`));
      cite([ogi(39, { paragraph: 2 })], way ? `现告知${P}获取的途径：${way.replace(/[。；]$/, '')}` : `请${P}通过公开出版物的发行渠道获取`);
      break;
    }
    case 'not_processed_excessive': {
      // Art.35: only after the applicant was asked for reasons and either did not give them or gave unreasonable ones.
      const notGiven = input.excessive?.finding === 'not_given';
      const why = notGiven ? input.reasons?.trim() : need(input.reasons, outcome, '说明认定申请理由不合理的理由（条例第三十五条）', 'reasons');
      const on = input.dates.reasonRequestedOn;
      const by = input.dates.reasonDueOn;
      paragraphs.push(
        body(`${P}申请公开政府信息的数量、频次明显超过合理范围，本机关${on ? `已于${formatChineseDate(on)}` : '已'}要求${P}说明理由。`),
      );
      if (notGiven) paragraphs.push(body(`${P}未在${by ? `${formatChineseDate(by)}前（含当日）` : '规定期限内'}说明理由。${why ? endWithPeriod(why) : ''}`));
      else paragraphs.push(reasonsParagraph('经审查，本机关认为申请理由不合理：', why as string));
      cite([ogi(35)], '本机关不予处理');
      break;
    }
    case 'not_processed_confirmation':
      // No article governs this row of the 2021 report table directly [I]. Art.2 defines 政府信息 as information
      // already made or obtained and recorded; Art.38 limits what is provided to information already made or
      // obtained. Confirming or re-issuing what the applicant already holds is neither, hence Arts.2 and 38.
      paragraphs.push(
        body(`经审查，${P}的申请实质上是要求本机关对${P}已获取的信息予以确认或者重新出具，不属于申请获取本机关已制作或者获取的政府信息。`),
      );
      optionalReasons('具体说明：');
      cite([ogi(2), ogi(38)], '本机关不作为政府信息公开申请处理');
      break;
    case 'other_no_supplement': {
      const on = input.dates.supplementRequestedOn;
      if (!on) {
        throw new DomainError('VALIDATION', '办理结果为“其他处理-逾期不补正”的答复书必须写明补正告知书的发出日期（dates.supplementRequestedOn）', { outcome });
      }
      const due = input.dates.supplementDueOn;
      paragraphs.push(
        body(`本机关已于${formatChineseDate(on)}告知${P}作出补正${due ? `，补正期限至${formatChineseDate(due)}` : ''}。${P}无正当理由逾期未补正。`),
      );
      cite([ogi(30)], `视为${P}放弃申请，本机关不再处理该政府信息公开申请`);
      break;
    }
    case 'other_unpaid_fee': {
      const on = input.dates.feeNoticeIssuedOn;
      if (!on) {
        throw new DomainError('VALIDATION', '办理结果为“其他处理-逾期未缴纳信息处理费”的答复书必须写明收费通知的发出日期（dates.feeNoticeIssuedOn）', { outcome });
      }
      paragraphs.push(body(`本机关已于${formatChineseDate(on)}向${P}发出收费通知。${P}逾期未按收费通知要求缴纳信息处理费。`));
      // The 办法's article on the 20-working-day window was not seen in full text [M], so only the 办法 is named.
      cite([ogi(42)], `视为${P}放弃申请，本机关不再处理该政府信息公开申请`, '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
      extraCitations.push('《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
      break;
    }
    case 'other': {
      const why = need(input.reasons, outcome, '写明处理情况和理由', 'reasons');
      const legal = need(input.legalBasis, outcome, '写明处理所依据的法律、法规条款（legalBasis）', 'legalBasis');
      extraCitations.push(legal);
      paragraphs.push(reasonsParagraph('经审查，', why));
      paragraphs.push({ kind: 'legal_basis', text: `根据${legal}的规定，本机关作出上述处理。` });
      break;
    }
    default:
      throw new DomainError('VALIDATION', `办理结果“${outcome}”不适用于2019年条例的答复书`, { outcome });
  }
  return { paragraphs, provisions, extraCitations };
}

/**
 * 2008 条例 (国务院令第492号) replies for requests received before 2019-05-15. Article texts [C2: mirrors of
 * Arts.8, 14, 21–24; M: Art.2 wording]: Art.21 (一) 属于公开范围 → 告知获取方式和途径; (二) 不予公开范围 → 告知并说明
 * 理由; (三) 不属于本机关公开或者信息不存在 → 告知 (and the responsible agency if known); Art.22 区分处理;
 * Art.14 ¶4 国家秘密、商业秘密、个人隐私; Art.23 third party; Art.8 三安全一稳定; Art.2 定义.
 */
function reply2008(outcome: Outcome, { input, pronoun: P }: ReplyContext): ReplyBody {
  const paragraphs: NoticeParagraph[] = [];
  const provisions: Provision[] = [];
  const extraCitations: string[] = [];
  const reasons = trimmed(input.reasons, 'reasons');
  const cite = (list: Provision[], decision: string, prefix?: string) => {
    provisions.push(...list);
    paragraphs.push(basis(list, decision, prefix));
  };
  const withheld = (fact: string, ground: Provision[], prefix?: string, afterFact?: string) => {
    const why = need(input.reasons, outcome, '说明不予公开的理由（2008年条例第二十一条第（二）项）', 'reasons');
    paragraphs.push(body(`经审查，${P}申请获取的政府信息${fact}。`));
    if (afterFact) paragraphs.push(body(afterFact));
    paragraphs.push(reasonsParagraph('不予公开的理由：', why));
    cite([...ground, ogi2008(21, { item: 2 })], '本机关决定不予公开', prefix);
  };

  switch (outcome) {
    case 'already_public':
    case 'disclosed': {
      const provided = provisionParagraphs(input, outcome);
      paragraphs.push(
        body(outcome === 'already_public' ? `经查，${P}申请获取的政府信息本机关已经主动公开。` : `经审查，${P}申请获取的政府信息属于公开范围。`),
      );
      cite([ogi2008(21, { item: 1 })], `现告知${P}获取该政府信息的方式和途径`);
      paragraphs.push(...provided);
      break;
    }
    case 'partly_disclosed': {
      const why = need(input.reasons, outcome, '对不予公开的部分说明理由（2008年条例第二十一条第（二）项）', 'reasons');
      const provided = provisionParagraphs(input, outcome);
      paragraphs.push(body(`经审查，${P}申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。`));
      paragraphs.push(reasonsParagraph('不予公开部分的理由：', why));
      cite([ogi2008(22), ogi2008(21, { item: 2 })], `本机关向${P}提供可以公开的信息内容`);
      paragraphs.push(...provided);
      break;
    }
    case 'legacy_state_secret':
      withheld('涉及国家秘密', [ogi2008(14, { paragraph: 4 })]);
      break;
    case 'legacy_commercial_secret':
    case 'legacy_privacy': {
      const what = outcome === 'legacy_privacy' ? '个人隐私' : '商业秘密';
      const objected = input.thirdParty?.response === 'objected';
      const list = objected ? [ogi2008(14, { paragraph: 4 }), ogi2008(23)] : [ogi2008(14, { paragraph: 4 })];
      withheld(`涉及${what}，公开后可能损害第三方合法权益`, list, undefined, objected ? '本机关已书面征求第三方的意见，第三方不同意公开。' : undefined);
      break;
    }
    case 'legacy_security_stability':
      withheld('公开后可能危及国家安全、公共安全、经济安全和社会稳定', [ogi2008(8)]);
      break;
    case 'legacy_not_government_info':
      withheld('不属于《中华人民共和国政府信息公开条例》所指的政府信息', [ogi2008(2)]);
      break;
    case 'legacy_other_law': {
      const law = need(input.legalBasis, outcome, '写明规定不予公开的法律、法规名称及条款（legalBasis）', 'legalBasis');
      extraCitations.push(law);
      withheld('属于法律、法规规定不予公开的情形', [], law);
      break;
    }
    case 'legacy_not_this_agency': {
      paragraphs.push(body(`经审查，${P}申请公开的政府信息依法不属于本机关公开。`));
      if (reasons) paragraphs.push(reasonsParagraph('理由：', reasons));
      cite([ogi2008(21, { item: 3 })], '现予告知');
      const other = otherAgencyText(input);
      if (other) paragraphs.push(body(other));
      break;
    }
    case 'legacy_not_exist':
      paragraphs.push(body(`经检索，${P}申请公开的政府信息不存在。`));
      if (reasons) paragraphs.push(reasonsParagraph('检索情况：', reasons));
      cite([ogi2008(21, { item: 3 })], '现予告知');
      break;
    case 'legacy_other_channel': {
      // The 2008 条例 has no item for this; the practice rested on the 2010 国办 opinion [M], or on a law the
      // handler names in `legalBasis` (preferred).
      const why = need(input.reasons, outcome, '写明应当通过的其他途径及办理方式', 'reasons');
      const law = trimmed(input.legalBasis, 'legalBasis') || '《国务院办公厅关于做好政府信息依申请公开工作的意见》';
      extraCitations.push(law);
      paragraphs.push(reasonsParagraph('经审查，', why));
      paragraphs.push({ kind: 'legal_basis', text: `根据${law}的规定，请${P}通过上述途径办理。` });
      break;
    }
    default:
      throw new DomainError('VALIDATION', `办理结果“${OUTCOME_LABELS[outcome]}”不适用于2008年条例的答复书`, { outcome });
  }
  return { paragraphs, provisions, extraCitations };
}
