// The confirmation step now lives in ui/ for every feature; kept here so imports stay put.
export { ConfirmStep } from '../../../../ui/ConfirmStep';
