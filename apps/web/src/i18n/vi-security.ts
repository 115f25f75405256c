// Vietnamese: the account's own security (password change).
export const viSecurity = {
  'me.currentPassword': 'Mật khẩu hiện tại',
  'me.newPassword': 'Mật khẩu mới',
  'me.confirmPassword': 'Nhập lại mật khẩu mới',
  'me.passwordHint': 'Ít nhất 12 ký tự; nên dùng một câu dễ nhớ. Mật khẩu quá phổ biến sẽ bị từ chối.',
  'me.passwordMismatch': 'Hai lần nhập mật khẩu mới không giống nhau',
  'me.passwordChanged': 'Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.',
  'me.passwordIntro': 'Sau khi đổi, các thiết bị khác đang đăng nhập bằng tài khoản này sẽ phải đăng nhập lại.',
  'me.reminders': 'Nhắc hạn qua thư điện tử',
  'me.remindersIntro':
    'Mỗi sáng (từ 7 giờ), nếu có đơn quá hạn hoặc đến hạn trong 3 ngày thuộc phạm vi của bạn, hệ thống gửi một thư nêu số lượng và đường dẫn tới danh sách. Thư không chứa nội dung đơn.',
  'me.reminderEmail': 'Thư điện tử nhận nhắc hạn',
  'me.reminderOn': 'Gửi nhắc hạn cho tôi',
  'me.remindersSaved': 'Đã lưu cài đặt nhắc hạn.',
  'users.grants': 'Quyền bổ sung',
  'users.grantsHint': 'Ngoài quyền theo vai trò. Mỗi lần cấp hoặc thu hồi đều được ghi nhật ký.',
  'users.grantIdentity': 'Được xem danh tính người tố cáo, kiến nghị (petition.identity)',
} as const;
