export type ToastKind = 'error' | 'success' | 'info';
export type Toast = { id: number; kind: ToastKind; message: string };

const SHOW_FOR_MS = 6_000;

class ToastManager {
  #items = $state<Toast[]>([]);
  #nextId = 1;

  get items(): readonly Toast[] {
    return this.#items;
  }

  show(message: string, kind: ToastKind = 'info'): void {
    // A message already on screen (e.g. from several failing requests) is not repeated.
    if (this.#items.some((toast) => toast.message === message)) return;
    const id = this.#nextId++;
    this.#items.push({ id, kind, message });
    setTimeout(() => this.dismiss(id), SHOW_FOR_MS);
  }

  dismiss(id: number): void {
    this.#items = this.#items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new ToastManager();
