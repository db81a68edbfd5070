import { Button, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { QueryClient, useQuery } from '@tanstack/react-query';
import { createBrowserRouter, Link } from 'react-router-dom';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { UserOutlined } from '@ant-design/icons';
import { OUTCOME_GROUPS } from '../core/requests/outcomes.js';
import { validateResidentId } from '../core/validators/resident-id.js';
export function P() { dayjs.locale('zh-cn'); void echarts; void BarChart; void QueryClient; void useQuery; void createBrowserRouter; void OUTCOME_GROUPS; void validateResidentId; return <ConfigProvider locale={zhCN}><Button icon={<UserOutlined />}><Link to="/">x</Link></Button></ConfigProvider>; }
