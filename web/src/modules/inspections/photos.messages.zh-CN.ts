/** Chinese strings of an outing's photos and files (merged into locales/zh-CN.ts). */
const messages = {
  'inspectionPhotos.title': '现场照片和材料',
  'inspectionPhotos.takePhoto': '拍照',
  'inspectionPhotos.uploadFile': '上传文件',
  'inspectionPhotos.rules':
    '手机拍照时保留拍摄时间和地点（需手机允许相机记录位置）；可上传照片、PDF 和办公文档，单个不超过 20 MB。',
  'inspectionPhotos.none': '暂无照片或材料',
  'inspectionPhotos.takenAt': '拍摄时间',
  'inspectionPhotos.place': '拍摄地点',
  'inspectionPhotos.unknown': '未记录',
  'inspectionPhotos.uploadedBy': '{name} 上传于 {at}',
  'inspectionPhotos.files': '其他材料',
  'inspectionPhotos.addPhotos': '现场照片',
  'inspectionPhotos.addPhotosHint': '保存检查记录后随记录一起上传；无网络时与记录一起保存在本机。',
  'inspectionPhotos.queueLabel': '{date} 执法检查记录',
  'inspectionPhotos.removePending': '移除',
} as const;

export default messages;
