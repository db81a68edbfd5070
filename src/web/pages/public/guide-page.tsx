import { Link } from 'react-router-dom';
import { Card, Descriptions, Typography } from 'antd';
import { useGuide } from '../../features/public/use-public.js';
import { PageLoading } from '../../components/page-loading.js';
import { ErrorResult } from '../../components/error-result.js';
import { HtmlFragment } from '../../components/html-fragment.js';
import { usePublicGuideSections } from '../../features/publications/workbench-hooks.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const { Title, Paragraph, Text } = Typography;

/** 政府信息公开指南 (条例 Art.12): the office, how to apply, time limits, fees and remedies. */
export function GuidePage() {
  const guide = useGuide();
  const sections = usePublicGuideSections();
  if (guide.isPending) return <PageLoading />;
  if (guide.isError) return <ErrorResult error={guide.error} onRetry={() => void guide.refetch()} />;
  const a = guide.data.agency;
  // The guide the publisher maintains (Art.12 "及时更新") replaces the built-in text once saved.
  if (sections.data && !sections.data.isDefault) {
    const html = sections.data.sections.map((x) => `<h3>${escapeHtml(x.title)}</h3>${x.bodyHtml}`).join('');
    return (
      <div style={{ maxWidth: 900, margin: '0 auto' }}>
        <Title level={3}>{a.name}政府信息公开指南</Title>
        <Card size="small"><HtmlFragment html={html} title="政府信息公开指南" /></Card>
      </div>
    );
  }
  const reconsideration = a.reconsiderationBody || a.parentBody || '本机关的上一级行政机关';
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Title level={3}>{a.name}政府信息公开指南</Title>
      <Paragraph type="secondary">
        依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条编制，便于公民、法人和其他组织获取本机关的政府信息。
      </Paragraph>

      <Card title="一、政府信息公开工作机构" size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered
          items={[
            { key: 'n', label: '机构名称', children: a.officeName, span: 'filled' },
            { key: 'a', label: '办公地址', children: `${a.address}（邮编 ${a.postcode}）`, span: 'filled' },
            { key: 'h', label: '办公时间', children: a.officeHours, span: 'filled' },
            { key: 'p', label: '联系电话', children: a.phone },
            { key: 'f', label: '传真号码', children: a.fax || '—' },
            { key: 'e', label: '电子邮箱', children: a.email },
            ...(a.website ? [{ key: 'w', label: '网站', children: a.website }] : []),
          ]}
        />
      </Card>

      <Card title="二、主动公开" size="small" style={{ marginBottom: 16 }}>
        <Paragraph>
          本机关主动公开的政府信息，自形成或者变更之日起20个工作日内通过本网站“<Link to="/publications">主动公开</Link>”栏目公开（《条例》第二十六条），可按标题、文号和关键词检索。政府信息公开工作年度报告见“<Link to="/reports">年度报告</Link>”栏目。
        </Paragraph>
      </Card>

      <Card title="三、依申请公开" size="small" style={{ marginBottom: 16 }}>
        <Title level={5}>（一）提出申请</Title>
        <Paragraph>
          申请应当采用书面形式（包括数据电文形式），内容包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。采用书面形式确有困难的，可以口头提出，由工作机构代为填写。
        </Paragraph>
        <ul>
          <li><Text strong>网上申请：</Text>在本网站“<Link to="/apply">申请公开</Link>”在线填写提交。</li>
          <li><Text strong>信函申请：</Text>邮寄至 {a.address}，{a.officeName}收（邮编 {a.postcode}），请在信封上注明“政府信息公开申请”。</li>
          <li><Text strong>当面申请：</Text>在办公时间到 {a.address} 提交。</li>
          {a.fax && <li><Text strong>传真申请：</Text>传真至 {a.fax}。</li>}
        </ul>
        <Title level={5}>（二）收到申请的日期</Title>
        <Paragraph>
          当面提交的，以提交之日为收到申请之日；邮寄提交的，以本机关签收之日为收到申请之日（平常信函等无需签收的，以工作机构与申请人确认之日为准）；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条）。
        </Paragraph>
        <Title level={5}>（三）答复期限</Title>
        <Paragraph>
          能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在期限内（《条例》第三十三条）。申请内容不明确的，本机关将在收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。
        </Paragraph>
        <Title level={5}>（四）收费</Title>
        <Paragraph>
          依申请提供政府信息，不收取费用。申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（《条例》第四十二条）。
        </Paragraph>
        <Title level={5}>（五）查询进度</Title>
        <Paragraph>
          网上申请提交后会获得查询码和查询密码，可在“<Link to="/track">进度查询</Link>”中查看办理进度和答复结果。
        </Paragraph>
      </Card>

      <Card title="四、监督和救济" size="small" style={{ marginBottom: 16 }}>
        <Paragraph>
          公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
        </Paragraph>
        <ul>
          <li>行政复议：自知道该行政行为之日起六十日内向{reconsideration}提出（《中华人民共和国行政复议法》第二十条）。对不予公开决定不服的，应当先申请行政复议（同法第二十三条第一款第（四）项）。</li>
          <li>行政诉讼：自知道或者应当知道作出行政行为之日起六个月内向{a.litigationCourt || '有管辖权的人民法院'}提起（《中华人民共和国行政诉讼法》第四十六条）。</li>
        </ul>
      </Card>
    </div>
  );
}
