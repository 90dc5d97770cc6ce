/**
 * The supervisor's sections and the ledgers, each in its own chunk loaded
 * when first opened (the statistics chunk carries chart.js), so the clerk's
 * first screen loads only what it needs.
 */
import { lazy } from 'react';

export const StaffAdmin = lazy(() => import('./StaffAdmin').then((m) => ({ default: m.StaffAdmin })));
export const CommitmentsEditor = lazy(() => import('./CommitmentsEditor').then((m) => ({ default: m.CommitmentsEditor })));
export const SettingsPanel = lazy(() => import('./SettingsPanel').then((m) => ({ default: m.SettingsPanel })));
export const HallLinkSettings = lazy(() => import('./HallLinkSettings').then((m) => ({ default: m.HallLinkSettings })));
export const PrinterSettings = lazy(() => import('../printing/PrinterSettings').then((m) => ({ default: m.PrinterSettings })));
export const CatalogueAdmin = lazy(() => import('../reference/CatalogueAdmin').then((m) => ({ default: m.CatalogueAdmin })));
export const CalendarAdmin = lazy(() => import('../reference/CalendarAdmin').then((m) => ({ default: m.CalendarAdmin })));
export const CallbackRulesPanel = lazy(() => import('../supervision/CallbackRulesPanel').then((m) => ({ default: m.CallbackRulesPanel })));
export const FollowUpPanel = lazy(() => import('../rectification/FollowUpPanel').then((m) => ({ default: m.FollowUpPanel })));
export const AuditPanel = lazy(() => import('../audit/AuditPanel').then((m) => ({ default: m.AuditPanel })));
export const StatsPanel = lazy(() => import('../stats/StatsPanel').then((m) => ({ default: m.StatsPanel })));
export const ArchivePanel = lazy(() => import('../ledger/ArchivePanel').then((m) => ({ default: m.ArchivePanel })));
export const LedgerPanel = lazy(() => import('../ledger/LedgerPanel').then((m) => ({ default: m.LedgerPanel })));
