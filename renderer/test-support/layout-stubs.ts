import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom lays nothing out: every height is 0 and scrolling does not move. For the virtualized claims table, give its
 * scroll box a height, each claim row one, and a scrollTop that scrollTo sets (with the scroll event a browser sends).
 */
export function stubTableLayout({ boxPx = 440, rowPx = 44 } = {}): void {
  const saved: Array<[object, string, PropertyDescriptor | undefined]> = [];
  const define = (target: object, name: string, descriptor: PropertyDescriptor) => {
    saved.push([target, name, Object.getOwnPropertyDescriptor(target, name)]);
    Object.defineProperty(target, name, { configurable: true, ...descriptor });
  };
  beforeEach(() => {
    const scrolled = new WeakMap<Element, number>();
    define(HTMLElement.prototype, 'clientHeight', {
      get(this: HTMLElement) {
        return this.classList.contains('claims-scroll') ? boxPx : 0;
      },
    });
    define(HTMLElement.prototype, 'offsetHeight', {
      get(this: HTMLElement) {
        return this.classList.contains('claim-row') ? rowPx : 0;
      },
    });
    define(Element.prototype, 'scrollTop', {
      get(this: Element) {
        return scrolled.get(this) ?? 0;
      },
      set(this: Element, value: number) {
        scrolled.set(this, value);
      },
    });
    define(Element.prototype, 'scrollTo', {
      value(this: Element, options: ScrollToOptions) {
        scrolled.set(this, options.top ?? 0);
        this.dispatchEvent(new Event('scroll'));
      },
    });
  });
  afterEach(() => {
    for (const [target, name, descriptor] of saved.reverse()) {
      if (descriptor === undefined) Reflect.deleteProperty(target, name);
      else Object.defineProperty(target, name, descriptor);
    }
    saved.length = 0;
  });
}
