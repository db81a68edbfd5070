/**
 * How the applicant sees the procedure: five plain stages instead of the office's internal states (who reviews
 * what is not the applicant's business; what matters is received → being handled → answered → delivered).
 */
export const PUBLIC_STAGES = ['提交申请', '受理', '办理', '答复', '送达'] as const;

export interface PublicStage {
  /** index into PUBLIC_STAGES */
  current: number;
  /** plain-words status */
  text: string;
  status: 'process' | 'wait' | 'finish' | 'error';
}

export function publicStage(status: string): PublicStage {
  switch (status) {
    case 'submitted':
      return { current: 0, text: '已提交，等待受理机关确认收到', status: 'process' };
    case 'registered':
      return { current: 1, text: '已受理，正在安排办理', status: 'process' };
    case 'awaiting_supplement':
      return { current: 1, text: '需要您补正申请内容，请留意补正告知书', status: 'error' };
    case 'in_progress':
    case 'reply_drafted':
    case 'reply_approved':
    case 'reply_cleared':
      return { current: 2, text: '正在办理', status: 'process' };
    case 'consulting':
      return { current: 2, text: '正在征求有关方面意见（所需时间不计入答复期限）', status: 'process' };
    case 'awaiting_fee':
      return { current: 2, text: '等待您缴纳信息处理费', status: 'error' };
    case 'replied':
      return { current: 3, text: '已作出答复', status: 'finish' };
    case 'delivered':
      return { current: 4, text: '答复已送达', status: 'finish' };
    case 'closed':
      return { current: 4, text: '办理完毕', status: 'finish' };
    case 'withdrawn':
      return { current: 1, text: '申请已撤回', status: 'error' };
    default:
      return { current: 0, text: status, status: 'process' };
  }
}
