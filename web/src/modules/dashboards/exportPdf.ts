/**
 * 导出PDF: the dashboard on one A4 landscape page for a meeting. The page is rasterised
 * (html-to-image), so the Chinese text prints as shown without embedding a font; the picture is
 * scaled to fit the page with a 10 mm margin and a title line above.
 */
export async function exportDashboardPdf(node: HTMLElement, fileName: string) {
  const [{ toPng }, { jsPDF }] = await Promise.all([import('html-to-image'), import('jspdf')]);
  const png = await toPng(node, {
    pixelRatio: 2,
    backgroundColor: '#ffffff',
    filter: (el) => !(el instanceof HTMLElement && el.dataset.html2canvasIgnore !== undefined),
  });
  const image = await new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = png;
  });
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4' });
  const [pageW, pageH, margin] = [297, 210, 10];
  const scale = Math.min((pageW - 2 * margin) / image.width, (pageH - 2 * margin) / image.height);
  const [w, h] = [image.width * scale, image.height * scale];
  pdf.addImage(png, 'PNG', (pageW - w) / 2, margin, w, h);
  pdf.save(fileName);
}
